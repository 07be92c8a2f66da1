import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient, issueAdminKey } from './support/admin-client.js';
import { RosterHarness, testEngines } from './support/roster-harness.js';
import { roster as runRoster } from './support/spawn-roster.js';

interface Entry {
  occurredAt: string;
  organizationId: string | null;
  actor: { kind: string; id: string | null; name: string };
  action: string;
  target: Record<string, string> | string[] | null;
  outcome: number;
  address: string | null;
  requestId: string | null;
}

describe.each(testEngines)('the audit log on $name', (engine) => {
  let roster: RosterHarness;
  let admin: AdminClient;
  let adminKeyId: string;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    const key = await issueAdminKey(roster, null, 'ops-console');
    adminKeyId = key.id;
    admin = new AdminClient(roster.origin, key.secret);
  });
  afterAll(() => roster.close());

  const entries = async (
    query = '',
    client = admin,
  ): Promise<{ data: Entry[]; nextCursor: string | null }> => {
    const response = await client.get(`/audit-log${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };

  it('records every admin action (who, what, on what, outcome, address, request id), never a read, newest first', async () => {
    const org = await admin.post('/organizations', { name: 'audited' });
    expect(org.status).toBe(201);
    const base = `/organizations/${org.body.id}/integrations`;
    const created = await admin.post(base, { name: 'okta' });
    const pause = await admin.post(`${base}/${created.body.id}/pause`);
    const duplicate = await admin.post(base, { name: 'OKTA' });
    expect(duplicate.status).toBe(409);
    await admin.get(base);

    const page = await entries(`?organizationId=${org.body.id}`);
    expect(page.data.map((e) => [e.action, e.outcome])).toEqual([
      ['POST /api/v1/organizations/:organizationId/integrations', 409],
      ['POST /api/v1/organizations/:organizationId/integrations/:integrationId/pause', 200],
      ['POST /api/v1/organizations/:organizationId/integrations', 201],
    ]);
    const paused = page.data[1]!;
    expect(paused).toMatchObject({
      organizationId: org.body.id,
      actor: { kind: 'admin_key', id: adminKeyId, name: 'ops-console' },
      target: { organizationId: org.body.id, integrationId: created.body.id },
      address: '127.0.0.1',
      requestId: pause.headers.get('x-request-id'),
    });
    // The token the create answered with is nowhere in the log.
    expect(JSON.stringify(page)).not.toContain(created.body.token);
    const all = await entries();
    expect(all.data.some((e) => e.action === 'POST /api/v1/organizations' && e.outcome === 201)).toBe(true);
  });

  it('filters by actor, action and time, and pages by cursor', async () => {
    const other = new AdminClient(roster.origin, (await issueAdminKey(roster, null, 'other')).secret);
    // The harness clock stands still unless moved: these entries are the only ones at `start` or later.
    roster.clock.advanceSeconds(1);
    const start = roster.clock.now().toISOString();
    const justBefore = new Date(Date.parse(start) - 1).toISOString();
    for (const name of ['a1', 'a2', 'a3'])
      expect((await other.post('/organizations', { name })).status).toBe(201);
    const otherId = (await entries('?limit=1', other)).data[0]!.actor.id!;
    const mine = await entries(`?actor=${otherId}&since=${start}`);
    expect(mine.data).toHaveLength(3);
    expect(mine.data.every((e) => e.actor.name === 'other')).toBe(true);
    const first = await entries(`?actor=${otherId}&limit=2`);
    expect(first.data).toHaveLength(2);
    const second = await entries(`?actor=${otherId}&limit=2&cursor=${first.nextCursor}`);
    expect(second.data).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect([...first.data, ...second.data].map((e) => e.occurredAt)).toEqual(
      mine.data.map((e) => e.occurredAt),
    );
    const action = encodeURIComponent('POST /api/v1/organizations');
    expect((await entries(`?action=${action}&since=${start}`)).data).toHaveLength(3);
    expect((await entries(`?until=${justBefore}&actor=${otherId}`)).data).toHaveLength(0);
    expect((await admin.get('/audit-log?since=yesterday')).status).toBe(400);
    expect((await admin.get('/audit-log?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
  });

  it('shows an organization key its own organization only, whatever it asks for', async () => {
    const mine = await admin.post('/organizations', { name: 'tenant-a' });
    const theirs = await admin.post('/organizations', { name: 'tenant-b' });
    await admin.post(`/organizations/${theirs.body.id}/integrations`, { name: 'theirs' });
    const scoped = await AdminClient.forOrganization(roster, mine.body.id);
    await scoped.post(`/organizations/${mine.body.id}/integrations`, { name: 'ours' });
    for (const query of ['', `?organizationId=${theirs.body.id}`]) {
      const seen = await entries(query, scoped);
      expect(seen.data.length).toBeGreaterThan(0);
      expect(seen.data.every((e) => e.organizationId === mine.body.id)).toBe(true);
    }
  });

  it.runIf(engine.name === 'sqlite')(
    'records CLI commands that change something, and roster audit list shows them',
    async () => {
      const idp = await roster.createIntegration('cli-audited');
      const env = { ROSTER_DATABASE_URL: roster.database.databaseUrl };
      await runRoster(['integration', 'pause', idp.id], env);
      await runRoster(['integration', 'list'], env);
      const listed = JSON.parse(
        (await runRoster(['audit', 'list', '--json', '--limit', '50'], env)).stdout,
      ) as {
        entries: Entry[];
      };
      // Found by action, not by position: the CLI stamps entries with the real time, the test server with
      // its own clock, so the order between the two says nothing.
      expect(listed.entries.find((e) => e.action === 'roster integration pause')).toMatchObject({
        action: 'roster integration pause',
        actor: { kind: 'cli', id: null },
        target: [idp.id],
        outcome: 0,
      });
      expect(listed.entries.some((e) => e.action === 'roster integration list')).toBe(false);
      const table = (await runRoster(['audit', 'list', '--action', 'roster integration pause'], env)).stdout;
      expect(table).toMatch(/^TIME\s+ACTOR\s+ACTION/);
      expect(table).toContain('roster integration pause');
    },
  );
});
