import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, roster, startServer, type ServerProcess } from './support/spawn-roster.js';
import { postgresTestEngine, type TestDatabase } from './support/test-engines.js';

const LANES = 12;
const USERS = 60;
const GROUPS = 3;

interface FeedEvent {
  id: string;
  sequence: number;
  type: string;
  resource: { type: string; id: string };
  data: Record<string, unknown>;
}

/**
 * The outbox's promise under concurrency (docs/events.md): on PostgreSQL, with writers on two Roster
 * processes and a reader paging with `after=` while they commit, the reader sees every event exactly
 * once, in an order consistent with each resource's own history. A sequence whose numbers could commit
 * out of order would make the reader skip the late ones: its list would then miss events the table has.
 */
describe.skipIf(!postgresTestEngine)('the events feed under concurrent writers on two instances', () => {
  let database: TestDatabase | undefined;
  const servers: ServerProcess[] = [];
  let origins: string[] = [];
  let integrationId = '';
  let token = '';
  let adminKey = '';
  let organizationId = '';

  beforeAll(async () => {
    database = await postgresTestEngine!.open();
    const env = {
      ROSTER_DATABASE_URL: database.databaseUrl,
      ...database.processEnv,
      ROSTER_LOG_LEVEL: 'warn',
    };
    const ports = [await freePort()];
    while (ports.length < 2) {
      const port = await freePort();
      if (!ports.includes(port)) ports.push(port);
    }
    servers.push(await startServer({ ...env, ROSTER_PORT: String(ports[0]) }));
    servers.push(await startServer({ ...env, ROSTER_PORT: String(ports[1]) }));
    origins = ports.map((port) => `http://127.0.0.1:${port}`);
    const created = JSON.parse(
      (await roster(['integration', 'create', '--name', 'okta-order', '--idp', 'okta', '--json'], env))
        .stdout,
    ) as { id: string; token: string };
    ({ id: integrationId, token } = created);
    const key = JSON.parse(
      (await roster(['admin-key', 'create', '--name', 'reader', '--installation', '--json'], env)).stdout,
    ) as { secret: string };
    adminKey = key.secret;
    const org = await fetch(`${origins[0]}/api/v1/organizations`, {
      headers: { authorization: `Bearer ${adminKey}` },
    });
    organizationId = ((await org.json()) as { data: { id: string; name: string }[] }).data.find(
      (o) => o.name === 'default',
    )?.id as string;
  }, 60_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.dispose();
  });

  async function scim(instance: number, method: string, path: string, body?: unknown) {
    const response = await fetch(`${origins[instance % 2]}/scim/v2/${integrationId}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  it('gives a reader paging with after= every event once, in each resource’s order', async () => {
    const groupIds: string[] = [];
    for (let g = 0; g < GROUPS; g++)
      groupIds.push((await scim(g, 'POST', '/Groups', { displayName: `team-${g}` })).id as string);

    let writing = true;
    const read: FeedEvent[] = [];
    let pagesWhileWriting = 0;
    const reader = (async () => {
      let cursor = '';
      for (let page = 0; ; page++) {
        const response = await fetch(
          `${origins[page % 2]}/api/v1/organizations/${organizationId}/events?limit=25${cursor ? `&after=${cursor}` : ''}`,
          { headers: { authorization: `Bearer ${adminKey}` } },
        );
        expect(response.status).toBe(200);
        const body = (await response.json()) as { data: FeedEvent[]; cursor: string; hasMore: boolean };
        read.push(...body.data);
        cursor = body.cursor;
        const stillWriting = writing;
        if (stillWriting) pagesWhileWriting++;
        // Done once a read that began after the last write came back empty.
        if (!stillWriting && body.data.length === 0) return;
        if (body.data.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();

    // Each lane owns its users: create, rename, join a group, deactivate, each on alternating instances.
    await Promise.all(
      Array.from({ length: LANES }, async (_, lane) => {
        for (let u = lane; u < USERS; u += LANES) {
          const id = (await scim(u, 'POST', '/Users', { userName: `u${u}@example.com`, active: true }))
            .id as string;
          await scim(u + 1, 'PATCH', `/Users/${id}`, {
            schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
            Operations: [{ op: 'replace', path: 'userName', value: `renamed${u}@example.com` }],
          });
          await scim(u, 'PATCH', `/Groups/${groupIds[u % GROUPS]}`, {
            schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
            Operations: [{ op: 'add', path: 'members', value: [{ value: id }] }],
          });
          await scim(u + 1, 'PATCH', `/Users/${id}`, {
            schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
            Operations: [{ op: 'replace', path: 'active', value: false }],
          });
        }
      }),
    );
    writing = false;
    await reader;
    expect(pagesWhileWriting).toBeGreaterThan(3);

    const stored = await database!.db
      .selectFrom('events')
      .select(['id', 'seq'])
      .where('organization_id', '=', organizationId)
      .orderBy('seq')
      .execute();
    // Exactly the events written, each once, in sequence order 1, 2, 3, …
    expect(read.map((e) => e.id)).toEqual(stored.map((row) => row.id));
    expect(new Set(read.map((e) => e.id)).size).toBe(read.length);
    expect(read.map((e) => e.sequence)).toEqual(read.map((_, i) => i + 1));

    // Each identity's own history, in the order its lane made it.
    const identityEvents = new Map<string, string[]>();
    const firstSeen = new Map<string, number>();
    read.forEach((event, position) => {
      if (event.resource.type === 'identity') {
        const list = identityEvents.get(event.resource.id) ?? [];
        list.push(`${event.type}:${String(event.data.name)}:${String(event.data.status)}`);
        identityEvents.set(event.resource.id, list);
        if (!firstSeen.has(event.resource.id)) firstSeen.set(event.resource.id, position);
      }
    });
    expect(identityEvents.size).toBe(USERS);
    for (const history of identityEvents.values()) {
      const u = /u(\d+)@|renamed(\d+)@/
        .exec(history[0] ?? '')
        ?.slice(1)
        .find(Boolean);
      expect(history).toEqual([
        `identity.created:u${u}@example.com:active`,
        `identity.updated:renamed${u}@example.com:active`,
        // Joining a group adds its name to the identity's attributes.
        `identity.updated:renamed${u}@example.com:active`,
        `identity.disabled:renamed${u}@example.com:disabled`,
      ]);
    }
    // A membership is told after the identity it names exists.
    const members = read.filter((e) => e.type === 'group.member_added');
    expect(members).toHaveLength(USERS);
    members.forEach((event) => {
      const position = read.indexOf(event);
      expect(firstSeen.get(String(event.data.identityId))).toBeLessThan(position);
    });
  }, 120_000);
});
