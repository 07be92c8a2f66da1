import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, roster, startServer, type ServerProcess } from './support/spawn-roster.js';
import { postgresTestEngine, type TestDatabase } from './support/test-engines.js';

/** Requests in flight at once, across both instances: an identity provider's connection pool. */
const CONNECTIONS = 16;
const USERS = 400;
const DUPLICATE_CREATES = 40;
const MEMBERS = 200;
const MEMBERS_PER_PATCH = 2;

interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** Runs `work` over `items` with at most `limit` calls in flight; results keep the items' order. */
async function inFlight<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
) {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** How many replies had each status: a readable failure message when hundreds of requests misbehave. */
function tally(statuses: readonly (number | string)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

async function exited(server: ServerProcess, withinMs: number): Promise<number | null> {
  const { child } = server;
  if (child.exitCode !== null) return child.exitCode;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no exit within ${withinMs} ms:\n${server.output()}`)),
      withinMs,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

// Several instances sharing one database is a PostgreSQL deployment (SQLite is one process's file), so
// this suite needs a PostgreSQL server; without one (no ROSTER_TEST_POSTGRES_URL and nothing at the
// default local address) there is nothing to run it against.
describe.skipIf(!postgresTestEngine)('two Roster instances serving one PostgreSQL directory', () => {
  let database: TestDatabase | undefined;
  const servers: ServerProcess[] = [];
  let env: Record<string, string>;
  let integrationId: string;
  let token: string;
  /** The integration URL on each instance. */
  let bases: string[];
  /** Every userName a 201 acknowledged, with the id it returned. */
  const acknowledgedUsers = new Map<string, string>();

  async function scim(
    base: string,
    method: string,
    path: string,
    body?: unknown,
    bearer = token,
  ): Promise<Reply> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }

  const instance = (index: number) => bases[index % bases.length] as string;

  async function userRows(userNames: readonly string[]) {
    const { db } = database as TestDatabase;
    return db
      .selectFrom('scim_resources')
      .select(['id', 'name_key'])
      .where('integration_id', '=', integrationId)
      .where('resource_type', '=', 'User')
      .where(
        'name_key',
        'in',
        userNames.map((u) => u.toLowerCase()),
      )
      .execute();
  }

  beforeAll(async () => {
    database = await postgresTestEngine!.open();
    const ports = [await freePort()];
    while (ports.length < 2) {
      const port = await freePort();
      if (!ports.includes(port)) ports.push(port);
    }
    env = {
      ROSTER_DATABASE_URL: database.databaseUrl,
      ...database.processEnv,
      ROSTER_LOG_LEVEL: 'warn',
      ROSTER_SHUTDOWN_TIMEOUT_MS: '10000',
    };
    // Both start at once on an empty schema: each migrates under the migrator's lock.
    const started = await Promise.allSettled(
      ports.map((port) => startServer({ ...env, ROSTER_PORT: String(port) })),
    );
    for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;

    const created = await roster(
      ['integration', 'create', '--name', 'okta-multi', '--idp', 'okta', '--json'],
      env,
    );
    ({ id: integrationId, token } = JSON.parse(created.stdout) as { id: string; token: string });
    bases = ports.map((port) => `http://127.0.0.1:${port}/scim/v2/${integrationId}`);
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.dispose();
  });

  it('starts both instances at once on an empty schema; both are ready', async () => {
    for (const base of bases) {
      const origin = new URL(base).origin;
      expect((await fetch(`${origin}/healthz`)).status).toBe(200);
      const ready = await fetch(`${origin}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
    }
  });

  it(`creates ${USERS} users over ${CONNECTIONS} connections on both instances; each is stored once`, async () => {
    const userNames = Array.from({ length: USERS }, (_, i) => `load-${i}@example.com`);
    const replies = await inFlight(userNames, CONNECTIONS, (userName, i) =>
      scim(instance(i), 'POST', '/Users', { userName, active: true }),
    );
    expect(tally(replies.map((r) => r.status))).toEqual({ 201: USERS });
    replies.forEach((r, i) => acknowledgedUsers.set(userNames[i] as string, r.body.id as string));

    const rows = await userRows(userNames);
    expect(rows).toHaveLength(USERS);
    expect(new Map(rows.map((r) => [r.name_key, r.id]))).toEqual(acknowledgedUsers);
  });

  it(`lets exactly one of ${DUPLICATE_CREATES} racing duplicate creates win, whichever instance it reaches`, async () => {
    const spellings = ['Race.Winner@Example.com', 'race.winner@example.com', 'RACE.WINNER@EXAMPLE.COM'];
    const replies = await inFlight(Array.from({ length: DUPLICATE_CREATES }), CONNECTIONS, (_, i) =>
      // All different requests: an identical one would be a retry, answered with the same user.
      scim(instance(i), 'POST', '/Users', { userName: spellings[i % spellings.length], title: `racer ${i}` }),
    );
    expect(tally(replies.map((r) => r.status))).toEqual({ 201: 1, 409: DUPLICATE_CREATES - 1 });
    const winners = replies.filter((r) => r.status === 201);
    const losers = replies.filter((r) => r.status !== 201);
    for (const loser of losers) expect(loser.body).toMatchObject({ status: '409', scimType: 'uniqueness' });

    const rows = await userRows(['race.winner@example.com']);
    expect(rows).toEqual([{ id: winners[0]?.body.id, name_key: 'race.winner@example.com' }]);
    acknowledgedUsers.set('race.winner@example.com', rows[0]?.id as string);
  });

  it(`adds ${MEMBERS} members to one group with concurrent PATCHes on both instances; none is lost or doubled`, async () => {
    const group = await scim(instance(0), 'POST', '/Groups', { displayName: 'Everyone' });
    expect(group.status).toBe(201);
    const groupId = group.body.id as string;
    const candidates = [...acknowledgedUsers.values()].slice(0, MEMBERS);
    expect(candidates, 'users created by the load test above').toHaveLength(MEMBERS);
    const batches = Array.from({ length: MEMBERS / MEMBERS_PER_PATCH }, (_, i) =>
      candidates.slice(i * MEMBERS_PER_PATCH, (i + 1) * MEMBERS_PER_PATCH),
    );
    const replies = await inFlight(batches, CONNECTIONS, (batch, i) =>
      scim(instance(i), 'PATCH', `/Groups/${groupId}`, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'add', path: 'members', value: batch.map((value) => ({ value })) }],
      }),
    );
    // RFC 7644 §3.5.2: a successful PATCH answers 200 with the resource or 204 without it.
    expect(tally(replies.map((r) => ([200, 204].includes(r.status) ? '200/204' : r.status)))).toEqual({
      '200/204': batches.length,
    });
    const acknowledged = batches.flat().sort();

    const read = await scim(instance(1), 'GET', `/Groups/${groupId}`);
    expect(read.status).toBe(200);
    const listed = (read.body.members as { value: string }[] | undefined)?.map((m) => m.value) ?? [];
    expect(listed.sort()).toEqual(acknowledged);

    const stored = await (database as TestDatabase).db
      .selectFrom('scim_memberships')
      .select(['member_id', sql<number>`count(*)`.as('copies')])
      .where('group_id', '=', groupId)
      .groupBy('member_id')
      .execute();
    expect(stored.map((r) => r.member_id).sort()).toEqual(acknowledged);
    expect(stored.filter((r) => Number(r.copies) !== 1)).toEqual([]);
  });

  it('sees a token rotated through the CLI on both instances at once', async () => {
    const probe = '/Users?count=1';
    const status = async (base: string, bearer = token) => {
      const reply = await scim(base, 'GET', probe, undefined, bearer);
      return `${reply.status} ${String(reply.body.detail ?? '')}`.trim();
    };
    for (const base of bases) expect(await status(base)).toBe('200');
    const rotated = await roster(['integration', 'rotate-token', integrationId, '--json'], env);
    const previous = token;
    token = (JSON.parse(rotated.stdout) as { token: string }).token;
    for (const base of bases) {
      expect(await status(base, previous)).toMatch(/^401\b/);
      expect(await status(base)).toBe('200');
    }
  });

  it('finishes what it answers on SIGTERM, exits 0, and the other instance keeps serving', async () => {
    const [survivor, stopping] = bases as [string, string];
    const target = servers[1] as ServerProcess;
    const outcomes: {
      userName: string;
      status?: number;
      body?: Record<string, unknown>;
      failure?: string;
    }[] = [];
    let answered = 0;
    let signalledAt = 0;

    const lane = async (laneIndex: number) => {
      for (let i = 0; Date.now() - (signalledAt || Date.now()) < 5_000 && i < 500; i++) {
        const userName = `shutdown-${laneIndex}-${i}@example.com`;
        let response: Response;
        try {
          response = await fetch(`${stopping}/Users`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
            body: JSON.stringify({ userName }),
            signal: AbortSignal.timeout(15_000),
          });
        } catch {
          // No response at all: the listener is closed (or the request never reached it). Stop this lane.
          outcomes.push({ userName });
          return;
        }
        answered++;
        try {
          // A response that started must arrive whole and parse.
          outcomes.push({ userName, status: response.status, body: JSON.parse(await response.text()) });
        } catch (error) {
          outcomes.push({ userName, status: response.status, failure: String(error) });
        }
      }
    };

    const lanes = Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => lane(i)));
    const warmUp = Date.now() + 10_000;
    while (answered < 3 * CONNECTIONS && Date.now() < warmUp) await new Promise((r) => setTimeout(r, 5));
    expect(answered).toBeGreaterThanOrEqual(3 * CONNECTIONS);
    signalledAt = Date.now();
    target.child.kill('SIGTERM');
    const code = await exited(target, 15_000);
    const shutdownMs = Date.now() - signalledAt;
    await lanes;

    // Soft, so that a slow or failed exit still reports what happened to the requests below.
    expect.soft(code, `exit code; server output:\n${target.output()}`).toBe(0);
    expect.soft(shutdownMs, 'milliseconds from SIGTERM to exit').toBeLessThan(5_000);
    expect(outcomes.filter((o) => o.failure !== undefined)).toEqual([]);
    // 503 is what Fastify answers to a request that arrives on a kept-alive connection while closing.
    const unexpected = outcomes.filter((o) => o.status !== undefined && o.status !== 201 && o.status !== 503);
    expect(unexpected).toEqual([]);

    const acknowledged = outcomes.filter((o) => o.status === 201);
    for (const o of acknowledged)
      expect(o.body).toMatchObject({ userName: o.userName, id: expect.any(String) });
    const rows = await userRows(outcomes.map((o) => o.userName));
    // Every 201 is stored once, and nothing was stored whose answer was lost.
    expect(new Map(rows.map((r) => [r.name_key, r.id]))).toEqual(
      new Map(acknowledged.map((o) => [o.userName, o.body?.id])),
    );
    for (const o of acknowledged) acknowledgedUsers.set(o.userName, o.body?.id as string);

    const afterwards = await scim(survivor, 'POST', '/Users', { userName: 'after-shutdown@example.com' });
    expect(afterwards.status, JSON.stringify(afterwards.body)).toBe(201);
    acknowledgedUsers.set('after-shutdown@example.com', afterwards.body.id as string);
    const list = await scim(survivor, 'GET', '/Users?count=0');
    expect(list.body, `GET /Users on the surviving instance`).toMatchObject({
      totalResults: acknowledgedUsers.size,
    });
  });

  it('stores every acknowledged user exactly once and nothing else', async () => {
    const rows = await (database as TestDatabase).db
      .selectFrom('scim_resources')
      .select(['name_key', sql<number>`count(*)`.as('copies')])
      .where('integration_id', '=', integrationId)
      .where('resource_type', '=', 'User')
      .groupBy('name_key')
      .execute();
    expect(rows.filter((r) => Number(r.copies) !== 1)).toEqual([]);
    expect(rows.map((r) => r.name_key).sort()).toEqual([...acknowledgedUsers.keys()].sort());
  });
});
