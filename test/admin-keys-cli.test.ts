import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueBootstrapAdminKey } from '../src/directory/admin-keys/issue-bootstrap-admin-key.js';
import { ids, RosterHarness, testEngines } from './support/roster-harness.js';
import { freePort, roster as runRoster, startServer } from './support/spawn-roster.js';
import type { TestDatabase } from './support/test-engines.js';

describe.each(testEngines)('admin keys from the command line and the first start on $name', (engine) => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let origin: string;

  beforeAll(async () => {
    database = await engine.open();
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    env = {
      ROSTER_DATABASE_URL: database.databaseUrl,
      ...database.processEnv,
      ROSTER_PORT: String(port),
      ROSTER_LOG_LEVEL: 'warn',
    };
  });
  afterAll(() => database.dispose());

  const organizations = (key: string) =>
    fetch(`${origin}/api/v1/organizations`, { headers: { authorization: `Bearer ${key}` } });

  // Spawning processes is slow; like server-process.test.ts, this part runs on SQLite only (the store
  // behind the CLI is the same code on both engines, and the race below runs on both).
  it.runIf(engine.name === 'sqlite')(
    'prints one installation-wide bootstrap key on the first start only; the CLI creates, lists and revokes keys',
    async () => {
      const first = await startServer(env);
      let bootstrap: string;
      try {
        // The key is written once to a file only its owner can read; the banner says where, and the
        // process output never holds the key itself.
        expect(first.output()).not.toMatch(/roster_admin_/);
        const file = /written once to (\S+) \(readable only by its owner\)/.exec(first.output())?.[1];
        expect(file).toBeDefined();
        expect(statSync(file!).mode & 0o777).toBe(0o600);
        const written = [...readFileSync(file!, 'utf8').matchAll(/roster_admin_[A-Za-z0-9_-]{43}/g)].map(
          (m) => m[0],
        );
        expect(written).toHaveLength(1);
        bootstrap = written[0] as string;
        expect((await organizations(bootstrap)).status).toBe(200);
        // The first-account link is a secret too: the same kind of file, and never in the output.
        expect(first.output()).not.toMatch(/roster_link_/);
        const linkFile = /one-time link .* was written once to (\S+) \(readable only by its owner\)/.exec(
          first.output(),
        )?.[1];
        expect(linkFile).toBeDefined();
        expect(statSync(linkFile!).mode & 0o777).toBe(0o600);
        const link = readFileSync(linkFile!, 'utf8').trim();
        expect(link).toMatch(/^http:\/\/\S+\/console\/welcome#roster_link_[A-Za-z0-9_-]{43}$/);
        const described = await fetch(`${origin}/api/v1/console/links/describe`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token: link.slice(link.indexOf('#') + 1) }),
        });
        expect(((await described.json()) as { kind: string }).kind).toBe('first_account');
      } finally {
        expect(await first.stop()).toBe(0);
      }

      const second = await startServer(env);
      try {
        expect(second.output()).not.toMatch(/roster_admin_/);
        // The account does not exist yet, but the link does: no second link, no second file.
        expect(second.output()).not.toContain('one-time link');
        expect(second.output()).toContain('/api/docs');

        // Independent commands run side by side (each one migrates and opens the database, as instances do).
        const [neither, created, human] = await Promise.all([
          runRoster(['admin-key', 'create', '--name', 'x'], env).catch(
            (error: { code: number; stderr: string }) => error,
          ),
          runRoster(['admin-key', 'create', '--name', 'ci', '--org', 'default', '--json'], env),
          runRoster(['admin-key', 'create', '--name', 'ops', '--installation'], env),
        ]);
        expect(neither).toMatchObject({ code: 1, stderr: expect.stringContaining('--installation') });
        const key = JSON.parse((created as { stdout: string }).stdout) as {
          id: string;
          secret: string;
          organizationId: string;
        };
        expect(key.organizationId).toEqual(expect.any(String));
        const own = await organizations(key.secret);
        expect(((await own.json()) as { data: { name: string }[] }).data.map((o) => o.name)).toEqual([
          'default',
        ]);
        expect((human as { stdout: string }).stdout).toMatch(/Key: roster_admin_/);

        const [listed, table] = await Promise.all([
          runRoster(['admin-key', 'list', '--json'], env),
          runRoster(['admin-key', 'list'], env),
        ]);
        const keys = JSON.parse(listed.stdout) as { id: string; name: string; lastUsedAt: string | null }[];
        expect(keys.map((k) => k.name).sort()).toEqual(['bootstrap', 'ci', 'ops']);
        expect(keys.find((k) => k.name === 'ci')?.lastUsedAt).toEqual(expect.any(String));
        expect(listed.stdout).not.toContain(key.secret);
        expect(listed.stdout).not.toContain(bootstrap);
        expect(table.stdout).toMatch(/bootstrap\s+installation\s+roster_admin_.{4}…/);

        await runRoster(['admin-key', 'revoke', key.id], env);
        expect((await organizations(key.secret)).status).toBe(401);
        expect((await organizations(bootstrap)).status).toBe(200);
      } finally {
        expect(await second.stop()).toBe(0);
      }
    },
  );

  it('issues the bootstrap key once even when instances start together', async () => {
    const harness = await RosterHarness.start(engine);
    try {
      const deps = { store: harness.store, clock: harness.clock, ids };
      const issued = await Promise.all([1, 2, 3, 4].map(() => issueBootstrapAdminKey(deps)));
      expect(issued.filter((key) => key !== undefined)).toHaveLength(1);
      expect(await harness.store.adminKeys.count()).toBe(1);
      await harness.store.adminKeys.revoke(
        (await harness.store.adminKeys.list(undefined))[0]?.id as string,
        'now',
      );
      expect(await issueBootstrapAdminKey(deps)).toBeUndefined();
    } finally {
      await harness.close();
    }
  });
});
