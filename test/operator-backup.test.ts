import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, roster, startServer } from './support/spawn-roster.js';

const dataDir = mkdtempSync(join(tmpdir(), 'roster-backup-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('roster backup and restore (SQLite)', () => {
  it('backs up a consistent copy while writes go on, and a restore serves exactly that copy', async () => {
    const file = join(dataDir, 'live', 'roster.db');
    const port = await freePort();
    const env = {
      ROSTER_DATABASE_URL: `sqlite:${file}`,
      ROSTER_PORT: String(port),
      ROSTER_LOG_LEVEL: 'warn',
    };
    const server = await startServer(env);
    const backupFile = join(dataDir, 'roster-backup.db');
    let integration: { id: string; token: string; integrationUrl: string };
    let backup: { users: number; identities: number };
    const acknowledged: string[] = [];
    try {
      integration = JSON.parse(
        (await roster(['integration', 'create', '--name', 'okta', '--json'], env)).stdout,
      );
      const headers = {
        authorization: `Bearer ${integration.token}`,
        'content-type': 'application/scim+json',
      };
      let stop = false;
      const writes = Promise.all(
        Array.from({ length: 4 }, async (_, worker) => {
          for (let n = 0; !stop; n++) {
            const userName = `w${worker}-${n}@example.com`;
            const response = await fetch(`${integration.integrationUrl}/Users`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ userName }),
            });
            expect(response.status).toBe(201);
            acknowledged.push(userName);
          }
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 400));
      const before = acknowledged.length;
      backup = JSON.parse((await roster(['backup', backupFile, '--json'], env)).stdout);
      const after = acknowledged.length;
      stop = true;
      await writes;
      // One snapshot, taken while serving: every user answered before the backup started is in it,
      // nothing after it ended, and each user came with its identity (no half of a transaction).
      expect(backup.users).toBeGreaterThanOrEqual(before);
      expect(backup.users).toBeLessThanOrEqual(after);
      expect(backup.identities).toBe(backup.users);
      // It holds what the database holds: readable by its owner only.
      expect(statSync(backupFile).mode & 0o777).toBe(0o600);
      const again = await roster(['backup', backupFile], env).catch((e: { stderr: string }) => e);
      expect((again as { stderr: string }).stderr).toContain('exists already');
    } finally {
      await server.stop();
    }

    // Restore into a new place (the key file goes with it), and serve it.
    const restored = join(dataDir, 'restored', 'roster.db');
    const restoredEnv = { ...env, ROSTER_DATABASE_URL: `sqlite:${restored}` };
    const withoutKey = await roster(['restore', backupFile], restoredEnv).catch((e: { stderr: string }) => e);
    expect((withoutKey as { stderr: string }).stderr).toContain('cannot read the secrets');
    mkdirSync(join(dataDir, 'restored'), { recursive: true });
    copyFileSync(join(dataDir, 'live', 'roster-secret.key'), join(dataDir, 'restored', 'roster-secret.key'));
    const result = JSON.parse((await roster(['restore', backupFile, '--json'], restoredEnv)).stdout) as {
      users: number;
    };
    expect(result.users).toBe(backup!.users);
    const refused = await roster(['restore', backupFile], restoredEnv).catch((e: { stderr: string }) => e);
    expect((refused as { stderr: string }).stderr).toContain('--force');

    const second = await startServer(restoredEnv);
    try {
      const page = (await (
        await fetch(`${integration!.integrationUrl}/Users?count=1`, {
          headers: { authorization: `Bearer ${integration!.token}` },
        })
      ).json()) as { totalResults: number };
      expect(page.totalResults).toBe(backup!.users);
    } finally {
      await second.stop();
    }
  });

  it('points PostgreSQL installations to pg_dump', async () => {
    const failed = await roster(['backup', join(dataDir, 'x.db')], {
      ROSTER_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none',
      ROSTER_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
    }).catch((e: { stderr: string }) => e);
    expect((failed as { stderr: string }).stderr).toContain('pg_dump');
  });
});
