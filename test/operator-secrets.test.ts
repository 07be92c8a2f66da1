import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSecretCipher, generateSecretKey, isSealed } from '../src/directory/secrets/secret-cipher.js';
import { openSqlite } from '../src/store/sqlite/open-sqlite.js';
import { readKeyFile } from '../src/cli/secret-keys.js';
import { freePort, roster, startServer } from './support/spawn-roster.js';

const dataDir = mkdtempSync(join(tmpdir(), 'roster-secrets-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const CURSOR_KEY = 'scim-cursor-signing-key';

async function storedSecret(file: string): Promise<string> {
  const db = openSqlite(file);
  try {
    const row = await db
      .selectFrom('installation_secrets')
      .select('value')
      .where('name', '=', CURSOR_KEY)
      .executeTakeFirstOrThrow();
    return row.value;
  } finally {
    await db.destroy();
  }
}

describe('secrets at rest', () => {
  it('generates a 0600 key file beside the database, seals a plain cursor key from before, and rotates without breaking cursors', async () => {
    const dir = join(dataDir, 'generated');
    const file = join(dir, 'roster.db');
    const env = {
      ROSTER_DATABASE_URL: `sqlite:${file}`,
      ROSTER_PORT: String(await freePort()),
      ROSTER_LOG_LEVEL: 'warn',
    };
    // An installation from before encryption: migrated, with its cursor key in plain text.
    await roster(['migrate'], env);
    const legacy = Buffer.from(generateSecretKey()).toString('base64');
    const db = openSqlite(file);
    await db
      .insertInto('installation_secrets')
      .values({ name: CURSOR_KEY, value: legacy, created_at: new Date().toISOString() })
      .execute();
    await db.destroy();

    const server = await startServer(env);
    let cursor: string;
    let integration: { id: string; token: string; integrationUrl: string };
    try {
      const keyFile = join(dir, 'roster-secret.key');
      expect(server.output()).toContain(`one was generated in ${keyFile} (mode 0600)`);
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      const keys = readKeyFile(keyFile);
      expect(keys).toHaveLength(1);
      const stored = await storedSecret(file);
      expect(isSealed(stored)).toBe(true);
      expect(stored).not.toContain(legacy);
      expect(createSecretCipher({ keys }).decrypt(stored)).toBe(legacy);

      integration = JSON.parse(
        (await roster(['integration', 'create', '--name', 'okta', '--json'], env)).stdout,
      ) as typeof integration;
      const headers = {
        authorization: `Bearer ${integration.token}`,
        'content-type': 'application/scim+json',
      };
      for (const userName of ['a@example.com', 'b@example.com']) {
        const created = await fetch(`${integration.integrationUrl}/Users`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ userName }),
        });
        expect(created.status).toBe(201);
      }
      const page = (await (
        await fetch(`${integration.integrationUrl}/Users?cursor&count=1`, { headers })
      ).json()) as { nextCursor: string };
      cursor = page.nextCursor;
      expect(cursor).toBeTruthy();
    } finally {
      expect(await server.stop()).toBe(0);
    }

    const rotated = JSON.parse((await roster(['secrets', 'rotate', '--json'], env)).stdout) as {
      currentKeyId: string;
      resealed: number;
    };
    expect(rotated.resealed).toBe(1);
    const keys = readKeyFile(join(dir, 'roster-secret.key'));
    expect(keys).toHaveLength(2);
    const after = await storedSecret(file);
    expect(after.split('.')[1]).toBe(rotated.currentKeyId);
    expect(createSecretCipher({ keys: [keys[0]!] }).decrypt(after)).toBe(legacy);

    // The key behind the cursors is the same secret, sealed anew: a cursor minted before still works.
    const again = await startServer(env);
    try {
      expect(again.output()).not.toContain('was generated');
      const next = await fetch(`${integration.integrationUrl}/Users?count=1&cursor=${cursor}`, {
        headers: { authorization: `Bearer ${integration.token}` },
      });
      expect(next.status).toBe(200);
      expect(((await next.json()) as { Resources: { userName: string }[] }).Resources[0]?.userName).toBe(
        'b@example.com',
      );
    } finally {
      await again.stop();
    }
  });

  it('takes its key from ROSTER_SECRET_KEY; rotation there is the operator setting keys, then re-encrypting', async () => {
    const file = join(dataDir, 'env', 'roster.db');
    const oldKey = Buffer.from(generateSecretKey()).toString('base64');
    const newKey = Buffer.from(generateSecretKey()).toString('base64');
    const env = {
      ROSTER_DATABASE_URL: `sqlite:${file}`,
      ROSTER_PORT: String(await freePort()),
      ROSTER_LOG_LEVEL: 'warn',
    };
    const server = await startServer({ ...env, ROSTER_SECRET_KEY: oldKey });
    await server.stop();
    expect(() => statSync(join(dataDir, 'env', 'roster-secret.key'))).toThrow();
    const sealed = await storedSecret(file);
    expect(createSecretCipher({ keys: [Buffer.from(oldKey, 'base64')] }).decrypt(sealed)).toBeTruthy();

    const refused = await roster(['secrets', 'rotate'], { ...env, ROSTER_SECRET_KEY: newKey }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toContain('ROSTER_SECRET_KEY_PREVIOUS');

    // Without the old key the stored secret cannot be read: the command says which key is missing.
    const missing = await roster(['secrets', 'rotate', '--reencrypt-only'], {
      ...env,
      ROSTER_SECRET_KEY: newKey,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(missing).toMatchObject({ code: 1 });
    expect((missing as { stderr: string }).stderr).toContain('not configured');

    const done = await roster(['secrets', 'rotate', '--reencrypt-only', '--json'], {
      ...env,
      ROSTER_SECRET_KEY: newKey,
      ROSTER_SECRET_KEY_PREVIOUS: oldKey,
    });
    expect(JSON.parse(done.stdout)).toMatchObject({ resealed: 1, current: 0 });
    const resealed = await storedSecret(file);
    expect(createSecretCipher({ keys: [Buffer.from(newKey, 'base64')] }).decrypt(resealed)).toBe(
      createSecretCipher({ keys: [Buffer.from(oldKey, 'base64')] }).decrypt(sealed),
    );
  });

  it('refuses to start with a malformed key, without echoing it', async () => {
    const bad = 'c2hvcnQ=';
    const failed = await roster(['migrate'], {
      ROSTER_DATABASE_URL: `sqlite:${join(dataDir, 'bad', 'roster.db')}`,
      ROSTER_SECRET_KEY: bad,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain(
      'ROSTER_SECRET_KEY must hold base64 keys of exactly 32 bytes',
    );
    expect((failed as { stderr: string }).stderr).not.toContain(bad);
  });

  it('a key file others can read is reported at start', async () => {
    const dir = join(dataDir, 'loose');
    const keyFile = join(dir, 'keys');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(keyFile, Buffer.from(generateSecretKey()).toString('base64') + '\n', { mode: 0o644 });
    const server = await startServer({
      ROSTER_DATABASE_URL: `sqlite:${join(dir, 'roster.db')}`,
      ROSTER_PORT: String(await freePort()),
      ROSTER_SECRET_KEY_FILE: keyFile,
      ROSTER_LOG_LEVEL: 'warn',
    });
    await server.stop();
    expect(server.output()).toContain('readable by others than its owner');
    expect(readFileSync(keyFile, 'utf8')).toContain('\n');
  });
});
