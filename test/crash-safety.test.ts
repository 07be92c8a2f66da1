import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, roster, startServer, type ServerProcess } from './support/spawn-roster.js';
import { testEngines, type TestDatabase } from './support/test-engines.js';

const CONNECTIONS = 16;
const LOAD_MS = 2500;
const SCIM = 'application/scim+json';

interface Ledger {
  /** userName → the user's id, for every create answered 2xx (POST or inside a Bulk). */
  readonly created: Map<string, string>;
  /** user id → displayNames of PATCHes answered 2xx, in order, and the one in flight at the kill. */
  readonly patched: Map<string, { acked: string[]; inFlight?: string }>;
  /** group id → member ids whose add was answered 2xx. */
  readonly added: Map<string, Set<string>>;
  readonly counts: { acknowledged: number; failed: number; refused: Record<string, number> };
}

const userBody = (userName: string, worker: number) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  displayName: 'initial',
  name: { givenName: `W${worker}`, familyName: userName },
  emails: [{ value: userName, type: 'work', primary: true }],
  active: true,
});

/**
 * Writes from 16 connections until the server dies: creates, PATCHes of the worker's own users (one at
 * a time, so the last acknowledged value is known), member adds and Bulk creates. Each 2xx goes in the
 * ledger; a request cut off by the kill is only counted.
 */
async function writeUntilKilled(
  base: string,
  token: string,
  groups: string[],
  ledger: Ledger,
  stop: () => boolean,
) {
  const headers = { authorization: `Bearer ${token}`, 'content-type': SCIM };
  const call = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${base}${path}`, { method, headers, body: JSON.stringify(body) });
    const text = await response.text();
    if (response.status >= 300)
      ledger.counts.refused[response.status] = (ledger.counts.refused[response.status] ?? 0) + 1;
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, worker) => {
      const mine: string[] = [];
      for (let n = 0; !stop(); n++) {
        try {
          const kind = mine.length === 0 ? 0 : n % 4;
          if (kind === 0) {
            const userName = `w${worker}-u${n}@example.com`;
            const answer = await call('POST', '/Users', userBody(userName, worker));
            if (answer.status === 201) {
              ledger.created.set(userName, answer.body.id as string);
              mine.push(answer.body.id as string);
              ledger.counts.acknowledged++;
            }
          } else if (kind === 1) {
            const id = mine[n % mine.length]!;
            const entry = ledger.patched.get(id) ?? { acked: [] };
            ledger.patched.set(id, entry);
            const value = `v${n}`;
            entry.inFlight = value;
            const answer = await call('PATCH', `/Users/${id}`, {
              schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
              Operations: [{ op: 'replace', path: 'displayName', value }],
            });
            if (answer.status === 200) {
              entry.acked.push(value);
              delete entry.inFlight;
              ledger.counts.acknowledged++;
            }
          } else if (kind === 2) {
            const group = groups[n % groups.length]!;
            const member = mine[n % mine.length]!;
            const answer = await call('PATCH', `/Groups/${group}`, {
              schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
              Operations: [{ op: 'add', path: 'members', value: [{ value: member }] }],
            });
            if (answer.status === 200 || answer.status === 204) {
              ledger.added.get(group)!.add(member);
              ledger.counts.acknowledged++;
            }
          } else {
            const names = [0, 1].map((k) => `w${worker}-b${n}-${k}@example.com`);
            const answer = await call('POST', '/Bulk', {
              schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
              Operations: names.map((userName, k) => ({
                method: 'POST',
                path: '/Users',
                bulkId: `b${k}`,
                data: userBody(userName, worker),
              })),
            });
            if (answer.status === 200) {
              const results = answer.body.Operations as { status: string; location?: string }[];
              results.forEach((result, k) => {
                if (result.status !== '201') return;
                const id = result.location!.split('/').pop()!;
                ledger.created.set(names[k]!, id);
                ledger.counts.acknowledged++;
              });
            }
          }
        } catch {
          // Cut off by the kill: the server may or may not have committed it; either way it must be whole.
          ledger.counts.failed++;
          return;
        }
      }
    }),
  );
}

describe.each(testEngines)('crash safety on $name', (engine) => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it('a SIGKILL during 16-connection writes loses no acknowledged write and leaves nothing half-written', async () => {
    const database: TestDatabase = await engine.open();
    cleanups.push(() => database.dispose());
    const port = await freePort();
    const env = {
      ROSTER_DATABASE_URL: database.databaseUrl,
      ...database.processEnv,
      ROSTER_PORT: String(port),
      ROSTER_LOG_LEVEL: 'warn',
    };
    const first: ServerProcess = await startServer(env);
    // stop() waits for an exit that a SIGKILLed process has already made.
    cleanups.push(async () =>
      first.child.exitCode === null && first.child.signalCode === null ? first.stop() : undefined,
    );
    const integration = JSON.parse(
      (await roster(['integration', 'create', '--name', 'crash', '--json'], env)).stdout,
    ) as { id: string; token: string; integrationUrl: string };
    const headers = { authorization: `Bearer ${integration.token}`, 'content-type': SCIM };
    const groups: string[] = [];
    for (const displayName of ['g0', 'g1', 'g2', 'g3']) {
      const response = await fetch(`${integration.integrationUrl}/Groups`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName }),
      });
      expect(response.status).toBe(201);
      groups.push(((await response.json()) as { id: string }).id);
    }

    const ledger: Ledger = {
      created: new Map(),
      patched: new Map(),
      added: new Map(groups.map((g) => [g, new Set<string>()])),
      counts: { acknowledged: 0, failed: 0, refused: {} },
    };
    let killed = false;
    const load = writeUntilKilled(
      integration.integrationUrl,
      integration.token,
      groups,
      ledger,
      () => killed,
    );
    await new Promise((resolve) => setTimeout(resolve, LOAD_MS));
    const exited = new Promise((resolve) => first.child.once('exit', resolve));
    first.child.kill('SIGKILL');
    killed = true;
    await exited;
    await load;
    expect(ledger.counts.acknowledged).toBeGreaterThan(50);
    // Under load nothing was refused for a reason of the server's own (no 5xx, no 409 from itself).
    expect(ledger.counts.refused).toEqual({});

    const second = await startServer(env);
    cleanups.push(() => second.stop());
    const users = new Map<string, Record<string, unknown>>();
    for (let start = 1; ; start += 1000) {
      const page = (await (
        await fetch(`${integration.integrationUrl}/Users?startIndex=${start}&count=1000`, { headers })
      ).json()) as { Resources?: Record<string, unknown>[]; totalResults: number };
      for (const user of page.Resources ?? []) users.set(user.userName as string, user);
      if (start + 1000 > page.totalResults) break;
    }

    let found = 0;
    const problems: string[] = [];
    for (const [userName, id] of ledger.created) {
      const user = users.get(userName);
      if (user?.id === id) found++;
      else problems.push(`acknowledged create of ${userName} (${id}) is missing`);
    }
    // Every user there is whole, whether its create was acknowledged or cut off by the kill.
    for (const [userName, user] of users) {
      const worker = /^w(\d+)-/.exec(userName)?.[1];
      const emails = user.emails as { value: string }[] | undefined;
      const name = user.name as { givenName?: string; familyName?: string } | undefined;
      if (
        emails?.[0]?.value !== userName ||
        name?.givenName !== `W${worker}` ||
        name?.familyName !== userName
      ) {
        problems.push(`user ${userName} is not whole: ${JSON.stringify(user)}`);
      }
    }
    for (const [id, { acked, inFlight }] of ledger.patched) {
      const user = [...users.values()].find((u) => u.id === id);
      const allowed = [acked.at(-1) ?? 'initial', ...(inFlight ? [inFlight] : [])];
      if (!allowed.includes(user?.displayName as string)) {
        problems.push(
          `user ${id} has displayName ${String(user?.displayName)}, expected one of ${allowed.join(', ')}`,
        );
      }
    }
    let membersAcked = 0;
    for (const [group, members] of ledger.added) {
      const read = (await (
        await fetch(`${integration.integrationUrl}/Groups/${group}`, { headers })
      ).json()) as {
        members?: { value: string }[];
      };
      const present = new Set((read.members ?? []).map((m) => m.value));
      for (const member of members) {
        membersAcked++;
        if (!present.has(member))
          problems.push(`acknowledged member add of ${member} to ${group} is missing`);
      }
    }

    // Identities and memberships agree with the SCIM resources, read straight from the database.
    const live = await sql<{ id: string; name_key: string }>`
      select id, name_key from scim_resources
      where integration_id = ${integration.id} and resource_type = 'User' and deleted_at is null`.execute(
      database.db,
    );
    const sources = await sql<{ scim_resource_id: string; identity_name: string }>`
      select s.scim_resource_id, i.name as identity_name from identity_sources s
      join identities i on i.id = s.identity_id where s.integration_id = ${integration.id}`.execute(
      database.db,
    );
    const identityOf = new Map(sources.rows.map((r) => [r.scim_resource_id, r.identity_name]));
    expect(sources.rows.length).toBe(live.rows.length);
    for (const user of live.rows) {
      if (identityOf.get(user.id)?.toLowerCase() !== user.name_key) {
        problems.push(`user ${user.name_key} has identity ${String(identityOf.get(user.id))}`);
      }
    }
    const dangling = await sql<{ n: number }>`
      select count(*) as n from scim_memberships m
      left join scim_resources r on r.id = m.member_id and r.deleted_at is null
      where m.integration_id = ${integration.id} and r.id is null`.execute(database.db);
    expect(Number(dangling.rows[0]?.n)).toBe(0);

    console.log(
      `${engine.name}: ${ledger.counts.acknowledged} writes acknowledged (${ledger.created.size} creates, ${membersAcked} member adds, ` +
        `${[...ledger.patched.values()].reduce((n, p) => n + p.acked.length, 0)} PATCHes), ${ledger.counts.failed} cut off by SIGKILL; ` +
        `after restart ${found}/${ledger.created.size} acknowledged creates found, ${users.size} users whole, ` +
        `${live.rows.length} users = ${sources.rows.length} identities; ${problems.length} problems`,
    );
    expect(problems).toEqual([]);
  }, 60_000);
});
