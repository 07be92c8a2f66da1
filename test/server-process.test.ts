import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CLI, freePort, roster, startServer } from './support/spawn-roster.js';

const dataDir = mkdtempSync(join(tmpdir(), 'roster-process-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the roster server process and CLI', () => {
  it('prints where it listens and how to create the first integration; data survives a restart', async () => {
    const port = await freePort();
    const env = {
      ROSTER_DATABASE_URL: `sqlite:${join(dataDir, 'roster.db')}`,
      ROSTER_PORT: String(port),
      ROSTER_LOG_LEVEL: 'warn',
    };

    const first = await startServer(env);
    expect(first.output()).toContain(`Roster is listening on http://127.0.0.1:${port}`);
    expect(first.output()).toContain('npx roster integration create --name');

    const created = await roster(
      ['integration', 'create', '--name', 'Okta production', '--idp', 'okta', '--json'],
      env,
    );
    const integration = JSON.parse(created.stdout) as {
      id: string;
      token: string;
      integrationUrl: string;
      idp: string;
    };
    expect(integration.integrationUrl).toBe(`http://127.0.0.1:${port}/scim/v2/${integration.id}`);
    expect(integration.idp).toBe('okta');
    const headers = { authorization: `Bearer ${integration.token}`, 'content-type': 'application/scim+json' };

    const post = await fetch(`${integration.integrationUrl}/Users`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ userName: 'durable@example.com', displayName: 'Durable' }),
    });
    expect(post.status).toBe(201);
    const user = (await post.json()) as { id: string };
    expect(await first.stop()).toBe(0);

    const second = await startServer(env);
    try {
      expect(second.output()).not.toContain('No integration exists yet');
      const read = await fetch(`${integration.integrationUrl}/Users/${user.id}`, { headers });
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ userName: 'durable@example.com', displayName: 'Durable' });

      const rotated = await roster(['integration', 'rotate-token', integration.id, '--json'], env);
      const { token } = JSON.parse(rotated.stdout) as { token: string };
      const old = await fetch(`${integration.integrationUrl}/Users/${user.id}`, { headers });
      expect(old.status).toBe(401);
      const fresh = await fetch(`${integration.integrationUrl}/Users/${user.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(fresh.status).toBe(200);

      const listed = await roster(['integration', 'list', '--json'], env);
      expect(JSON.parse(listed.stdout)).toEqual([
        expect.objectContaining({ id: integration.id, hasValidToken: true }),
      ]);
      expect(listed.stdout).not.toContain(token);

      const duplicate = await roster(['integration', 'create', '--name', 'Okta production'], env).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(duplicate).toMatchObject({ code: 1 });
      expect((duplicate as { stderr: string }).stderr).toContain('already exists');

      await roster(['integration', 'delete', integration.id, '--identities', 'disable'], env);
      const afterDelete = await fetch(`${integration.integrationUrl}/Users/${user.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(afterDelete.status).toBe(401);
    } finally {
      await second.stop();
    }
  });

  it("prints the server's integration URL, whatever port the CLI's own environment names", async () => {
    const port = await freePort();
    const database = {
      ROSTER_DATABASE_URL: `sqlite:${join(dataDir, 'public-url.db')}`,
      ROSTER_LOG_LEVEL: 'warn',
    };

    // Before any server started on this database the CLI can only guess, and says so.
    const guessed = await roster(['integration', 'create', '--name', 'early', '--json'], database);
    const early = JSON.parse(guessed.stdout) as { id: string; integrationUrl: string };
    expect(early.integrationUrl).toBe(`http://127.0.0.1:8080/scim/v2/${early.id}`);
    expect(guessed.stderr).toContain('Warning: no Roster server has started on this database yet');
    expect(guessed.stderr).toContain("this command's ROSTER_HOST and ROSTER_PORT (http://127.0.0.1:8080)");

    const server = await startServer({ ...database, ROSTER_PORT: String(port) });
    try {
      // The CLI runs without ROSTER_PORT, as an operator's shell does: the URL still names the server's port.
      const created = await roster(['integration', 'create', '--name', 'okta-prod'], database);
      const id = /Created integration "okta-prod" \((\S+)\)/.exec(created.stdout)?.[1];
      expect(created.stdout).toContain(`Integration URL: http://127.0.0.1:${port}/scim/v2/${id}`);
      expect(created.stderr).toBe('');
      const listed = await roster(['integration', 'list'], database);
      expect(listed.stdout.split('\n')[0]).toMatch(
        /^NAME\s+HAS AUTH TOKEN\s+INTEGRATION URL\s+ID\s+IDP\s+TOKEN EXPIRES\s+PAUSED$/,
      );
      expect(listed.stdout).toMatch(
        new RegExp(
          `okta-prod\\s+yes\\s+http://127\\.0\\.0\\.1:${port}/scim/v2/${id}\\s+${id}\\s+generic\\s+\\d{4}-`,
        ),
      );
      expect(listed.stdout).toContain(`http://127.0.0.1:${port}/scim/v2/${early.id}`);
      // The printed URL is one the server answers on.
      expect((await fetch(`http://127.0.0.1:${port}/scim/v2/${id}/Users`)).status).toBe(401);

      // An explicit ROSTER_PUBLIC_URL that disagrees with the server's wins, with a warning naming both.
      const proxied = await roster(['integration', 'list', '--json'], {
        ...database,
        ROSTER_PUBLIC_URL: 'https://scim.example.com',
      });
      expect((JSON.parse(proxied.stdout) as { integrationUrl: string }[])[0]?.integrationUrl).toBe(
        `https://scim.example.com/scim/v2/${early.id}`,
      );
      expect(proxied.stderr).toContain(
        `Warning: ROSTER_PUBLIC_URL here is https://scim.example.com, but the server recorded http://127.0.0.1:${port} when it started`,
      );
    } finally {
      await server.stop();
    }
  });

  it('refuses to start with a bad setting and names it', async () => {
    const run = promisify(execFile);
    const failure = await run(process.execPath, [CLI, 'serve'], {
      env: {
        ...process.env,
        ROSTER_PORT: 'eighty',
        ROSTER_LOG_LEVEL: 'loud',
        ROSTER_DATABASE_URL: 'sqlite:/dev/null/x.db',
      },
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('ROSTER_PORT');
    expect((failure as { stderr: string }).stderr).toContain('ROSTER_LOG_LEVEL');
  });

  it('migrates an empty database, and migrating again is a no-op', async () => {
    const env = { ROSTER_DATABASE_URL: `sqlite:${join(dataDir, 'migrate.db')}` };
    expect((await roster(['migrate'], env)).stdout).toContain('Applied: 0001_foundation');
    expect((await roster(['migrate'], env)).stdout).toContain('up to date');
  });
});
