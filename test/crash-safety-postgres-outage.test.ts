import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, roster, startServer } from './support/spawn-roster.js';
import { TcpProxy } from './support/tcp-proxy.js';
import { postgresTestEngine, type TestDatabase } from './support/test-engines.js';

const SCIM = 'application/scim+json';

/**
 * PostgreSQL going away under load, without touching the shared server: Roster reaches it through a
 * TCP proxy this test cuts (every connection reset, new ones refused) and then restores.
 */
describe.runIf(postgresTestEngine)('PostgreSQL lost under load', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it('fails requests in flight with 503, never half-applies one, says so on /readyz within a second, and reconnects', async () => {
    const database: TestDatabase = await postgresTestEngine!.open();
    cleanups.push(() => database.dispose());
    const target = new URL(database.databaseUrl);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    cleanups.push(() => proxy.close());
    const viaProxy = new URL(database.databaseUrl);
    viaProxy.port = String(proxy.port);
    const port = await freePort();
    const env = {
      ...database.processEnv,
      ROSTER_DATABASE_URL: viaProxy.toString(),
      ROSTER_PORT: String(port),
      ROSTER_LOG_LEVEL: 'error',
      ROSTER_DATABASE_CONNECT_TIMEOUT_MS: '1000',
    };
    const server = await startServer(env);
    cleanups.push(() => server.stop());
    const origin = `http://127.0.0.1:${port}`;
    const integration = JSON.parse(
      (await roster(['integration', 'create', '--name', 'outage', '--json'], env)).stdout,
    ) as { id: string; token: string; integrationUrl: string };
    const headers = { authorization: `Bearer ${integration.token}`, 'content-type': SCIM };

    const answers = new Map<string, number>();
    let stop = false;
    const load = Promise.all(
      Array.from({ length: 16 }, async (_, worker) => {
        for (let n = 0; !stop; n++) {
          const userName = `w${worker}-${n}@example.com`;
          const response = await fetch(`${integration.integrationUrl}/Users`, {
            method: 'POST',
            headers,
            body: JSON.stringify({
              userName,
              emails: [{ value: userName, primary: true }],
              name: { familyName: userName },
            }),
          });
          answers.set(userName, response.status);
          if (response.status === 503) {
            expect(response.headers.get('retry-after')).toBe('2');
            expect(await response.json()).toMatchObject({
              status: '503',
              detail: expect.stringContaining('database'),
            });
            // An IdP backs off; so does this client, briefly.
            await new Promise((resolve) => setTimeout(resolve, 20));
          } else await response.arrayBuffer();
        }
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await proxy.cut();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const probeStart = performance.now();
    const ready = await fetch(`${origin}/readyz`);
    const probeMs = performance.now() - probeStart;
    expect(ready.status).toBe(503);
    expect(probeMs).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const duringCut = [...answers.values()].filter((s) => s === 503).length;
    await proxy.restore();
    const restoredAt = performance.now();
    while ((await fetch(`${origin}/readyz`)).status !== 200) {
      expect(performance.now() - restoredAt).toBeLessThan(10_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const reconnectedAfterMs = performance.now() - restoredAt;
    const beforeAfter = [...answers.values()].filter((s) => s === 201).length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    stop = true;
    await load;

    const statuses = [...answers.values()];
    expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
    expect(duringCut).toBeGreaterThan(0);
    // Served again once the database is back.
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(beforeAfter);

    const live = await sql<{ id: string; name_key: string; data: unknown }>`
      select id, name_key, data from scim_resources
      where integration_id = ${integration.id} and resource_type = 'User' and deleted_at is null`.execute(
      database.db,
    );
    const stored = new Map(live.rows.map((r) => [r.name_key, r]));
    const identities = await sql<{ scim_resource_id: string }>`
      select scim_resource_id from identity_sources where integration_id = ${integration.id}`.execute(
      database.db,
    );
    const withIdentity = new Set(identities.rows.map((r) => r.scim_resource_id));
    const problems: string[] = [];
    let refusedButCommitted = 0;
    for (const [userName, status] of answers) {
      const row = stored.get(userName);
      if (status === 201 && !row) problems.push(`acknowledged ${userName} is missing`);
      if (status === 503 && row) refusedButCommitted++;
    }
    for (const row of live.rows) {
      const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as {
        emails?: { value: string }[];
      };
      if (data.emails?.[0]?.value !== row.name_key) problems.push(`${row.name_key} is not whole`);
      if (!withIdentity.has(row.id)) problems.push(`${row.name_key} has no identity`);
    }
    console.log(
      `postgres outage: ${statuses.length} creates sent, ${statuses.filter((s) => s === 201).length} acknowledged (all found: ${problems.length === 0}), ` +
        `${statuses.filter((s) => s === 503).length} answered 503 (${refusedButCommitted} of them had committed before the cut: whole, and an IdP retry gets 409 or the same user); ` +
        `/readyz said 503 in ${probeMs.toFixed(0)} ms; ready again ${reconnectedAfterMs.toFixed(0)} ms after the proxy came back`,
    );
    expect(problems).toEqual([]);
  }, 60_000);
});
