import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateIntegrationToken } from '../src/directory/integrations/rotate-integration-token.js';
import { AdminClient } from './support/admin-client.js';
import { ids, RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const PASSWORD = 'Correct-Horse-Battery-9';

interface LogEntry {
  id: string;
  integrationId: string;
  requestId: string;
  method: string;
  path: string;
  status: number;
  scimType: string | null;
  resourceType: string | null;
  resourceId: string | null;
  requestBody: string | null;
  reason: string | null;
  authFailure: string | null;
  eventIds: string[];
}

describe.each(testEngines)('the provisioning log on $name', (engine) => {
  let roster: RosterHarness;
  let admin: AdminClient;
  let base: string;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine, { redactAttributes: ['nickName'] });
    const organizationId = (await roster.store.organizations.findByName('default'))?.id as string;
    admin = await AdminClient.forOrganization(roster, organizationId);
    base = `/organizations/${organizationId}`;
  });
  afterAll(() => roster.close());

  /** The log entries matching `query`, once `count` of them are written (the writer batches). */
  async function logged(query: string, count: number): Promise<LogEntry[]> {
    for (let attempt = 0; ; attempt++) {
      await roster.provisioningLog.flush();
      const response = await admin.get(`${base}/provisioning-log?limit=1000&${query}`);
      expect(response.status).toBe(200);
      const entries = response.body.data as LogEntry[];
      if (entries.length >= count || attempt >= 100) return entries;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('logs every SCIM request with its status, resource, reason and the events it produced', async () => {
    const idp = await roster.createIntegration();
    const created = await roster.request(idp, 'POST', '/Users', {
      schemas: [USER],
      userName: 'log@example.com',
    });
    expect(created.status).toBe(201);
    const userId = created.body.id as string;
    const requestId = created.headers.get('x-request-id') as string;
    await roster.request(idp, 'GET', `/Users/${userId}`);
    const conflict = await roster.request(idp, 'POST', '/Users', {
      schemas: [USER],
      userName: 'LOG@example.com',
    });
    expect(conflict.status).toBe(409);
    const invalid = await roster.request(idp, 'POST', '/Users', { schemas: [USER] });
    expect(invalid.status).toBe(400);
    const missing = '01900000-0000-7000-8000-000000000001';
    const badGroup = await roster.request(idp, 'POST', '/Groups', {
      displayName: 'ghosts',
      members: [{ value: missing }],
    });
    expect(badGroup.status).toBe(400);

    const entries = await logged(`integrationId=${idp.id}`, 5);
    expect(entries.map((e) => `${e.method} ${e.status}`)).toEqual([
      'POST 400',
      'POST 400',
      'POST 409',
      'GET 200',
      'POST 201',
    ]);
    const [group, noName, taken, read, create] = entries as [
      LogEntry,
      LogEntry,
      LogEntry,
      LogEntry,
      LogEntry,
    ];
    const events = (await admin.get(`${base}/events?limit=1000`)).body.data as {
      id: string;
      requestId: string;
    }[];
    expect(create).toMatchObject({
      requestId,
      resourceType: 'User',
      resourceId: userId,
      path: `/scim/v2/${idp.id}/Users`,
      reason: null,
      eventIds: events.filter((e) => e.requestId === requestId).map((e) => e.id),
    });
    expect(create.eventIds).toHaveLength(1);
    expect(read).toMatchObject({ resourceId: userId, eventIds: [] });
    expect(taken).toMatchObject({ scimType: 'uniqueness', eventIds: [] });
    expect(taken.reason).toMatch(/userName|already/i);
    expect(noName).toMatchObject({ scimType: 'invalidValue', eventIds: [] });
    expect(noName.reason).toMatch(/userName.*required/i);
    expect(group.reason).toContain(missing);
    // A failed request produced no event.
    expect(events.filter((e) => [taken, noName, group].some((f) => f.requestId === e.requestId))).toEqual([]);

    // Searchable by status, outcome, resource and request id.
    expect((await logged(`integrationId=${idp.id}&status=409`, 1)).map((e) => e.id)).toEqual([taken.id]);
    expect(await logged(`integrationId=${idp.id}&outcome=failure`, 3)).toHaveLength(3);
    expect((await logged(`resourceId=${userId}`, 2)).map((e) => e.id)).toEqual([read.id, create.id]);
    expect((await logged(`requestId=${requestId}`, 1)).map((e) => e.id)).toEqual([create.id]);
    const future = new Date(roster.clock.now().getTime() + 86_400_000).toISOString();
    expect(await logged(`integrationId=${idp.id}&from=${future}`, 0)).toEqual([]);
    const page = await admin.get(`${base}/provisioning-log?integrationId=${idp.id}&limit=2`);
    expect(page.body.data.map((e: LogEntry) => e.id)).toEqual([group.id, noName.id]);
    const next = await admin.get(
      `${base}/provisioning-log?integrationId=${idp.id}&limit=2&cursor=${page.body.nextCursor}`,
    );
    expect(next.body.data.map((e: LogEntry) => e.id)).toEqual([taken.id, read.id]);
  });

  it('logs requests refused at authentication with why, never the token', async () => {
    const idp = await roster.createIntegration();
    const other = await roster.createIntegration();
    const send = (headers: Record<string, string>) =>
      fetch(`${idp.url}/Users`, { headers }).then((r) => expect(r.status).toBe(401));
    await send({});
    await send({ authorization: 'Basic abc' });
    await send({ authorization: 'Bearer roster_scim_not-a-real-token' });
    await send({ authorization: `Bearer ${other.token}` });
    const { token: fresh } = await rotateIntegrationToken(
      { store: roster.store, clock: roster.clock, ids },
      idp.scope,
      365,
    );
    await send({ authorization: `Bearer ${idp.token}` });
    roster.clock.advanceDays(400);
    try {
      await send({ authorization: `Bearer ${fresh}` });
    } finally {
      roster.clock.advanceDays(-400);
    }
    // No integration, no tenant: nobody's log gets it.
    await fetch(`${roster.origin}/scim/v2/01900000-0000-7000-8000-00000000abcd/Users`).then((r) =>
      expect(r.status).toBe(401),
    );

    const entries = await logged(`integrationId=${idp.id}`, 6);
    expect(entries.map((e) => e.authFailure).reverse()).toEqual([
      'missing_header',
      'malformed_header',
      'unknown_token',
      'other_integration_token',
      'rotated_token',
      'expired_token',
    ]);
    for (const entry of entries) {
      expect(entry).toMatchObject({ status: 401, method: 'GET', eventIds: [] });
      expect(entry.reason).toEqual(expect.any(String));
    }
    expect(entries.find((e) => e.authFailure === 'rotated_token')?.reason).toMatch(/rotated away at \d{4}-/);
    expect(entries.find((e) => e.authFailure === 'other_integration_token')?.reason).toContain(other.id);
  });

  it('tells an integration’s health: last request, success and failure with why, error rates, token expiry', async () => {
    const idp = await roster.createIntegration();
    await roster.request(idp, 'POST', '/Users', { schemas: [USER], userName: 'health@example.com' });
    await roster.request(idp, 'POST', '/Users', { schemas: [USER], userName: 'HEALTH@example.com' });
    await roster.request(idp, 'GET', '/Users');
    await logged(`integrationId=${idp.id}`, 3);
    const health = await admin.get(`${base}/integrations/${idp.id}/health`);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      lastRequest: { method: 'GET', status: 200 },
      lastSuccess: { method: 'GET', status: 200 },
      lastFailure: { method: 'POST', status: 409 },
      lastHour: { requests: 3, failures: 1 },
      lastDay: { requests: 3, failures: 1 },
      tokenExpiresInDays: 365,
    });
    expect(health.body.lastHour.rate).toBeCloseTo(1 / 3);
    expect(health.body.lastFailure.reason).toEqual(expect.any(String));
    const fresh = await roster.createIntegration();
    expect((await admin.get(`${base}/integrations/${fresh.id}/health`)).body).toMatchObject({
      lastRequest: null,
      lastFailure: null,
      lastDay: { requests: 0, failures: 0, rate: 0 },
    });
  });

  it('stores no password, marked attribute or token in any log row', async () => {
    const idp: IntegrationHandle = await roster.createIntegration();
    const nick = `nick-${ids.newId()}`;
    const created = await roster.request(idp, 'POST', '/Users', {
      schemas: [USER],
      userName: 'secret@example.com',
      password: PASSWORD,
      nickName: nick,
    });
    const id = created.body.id as string;
    await roster.request(idp, 'PATCH', `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [
        { op: 'replace', path: 'password', value: PASSWORD },
        { op: 'replace', value: { password: PASSWORD, nickName: nick } },
      ],
    });
    await roster.request(idp, 'PUT', `/Users/${id}`, {
      schemas: [USER],
      userName: 'secret@example.com',
      'urn:ietf:params:scim:schemas:core:2.0:User:password': PASSWORD,
    });
    await roster.request(idp, 'POST', '/Bulk', {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
      Operations: [
        {
          method: 'POST',
          path: '/Users',
          bulkId: 'b1',
          data: { schemas: [USER], userName: 'bulk@example.com', password: PASSWORD },
        },
      ],
    });
    await fetch(`${idp.url}/Users`, { headers: { authorization: `Bearer ${idp.token}x` } });
    const entries = await logged(`integrationId=${idp.id}`, 5);
    expect(entries).toHaveLength(5);
    expect(entries.find((e) => e.method === 'POST' && e.status === 201)?.requestBody).toContain('[redacted]');

    // Every stored row of every integration, every column.
    const rows = await sql<Record<string, unknown>>`select * from provisioning_log`.execute(
      roster.database.db,
    );
    const text = JSON.stringify(rows.rows);
    expect(rows.rows.length).toBeGreaterThan(5);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(nick);
    expect(text).not.toContain('roster_scim_');
    expect(text).not.toContain(idp.token.slice('roster_scim_'.length));
  });
  it('lists every integration with its last request and 24 h error rate from one aggregate read', async () => {
    const busy = await roster.createIntegration();
    const quiet = await roster.createIntegration();
    const fresh = await roster.createIntegration();
    await roster.request(busy, 'POST', '/Users', { schemas: [USER], userName: 'rate@example.com' });
    await roster.request(busy, 'POST', '/Users', { schemas: [USER], userName: 'RATE@example.com' });
    await roster.request(busy, 'POST', '/Users', { schemas: [USER] });
    await roster.request(busy, 'GET', '/Users');
    await roster.request(quiet, 'GET', '/Users');
    await logged(`integrationId=${busy.id}`, 4);
    await logged(`integrationId=${quiet.id}`, 1);
    const activityOf = async () => {
      const list = await admin.get(`${base}/integrations`);
      expect(list.status).toBe(200);
      const rows = list.body.data as { id: string; activity: Record<string, unknown> }[];
      return new Map(rows.map((row) => [row.id, row.activity]));
    };
    const today = await activityOf();
    expect(today.get(busy.id)).toMatchObject({
      lastRequestStatus: 200,
      lastDay: { requests: 4, failures: 2, rate: 0.5 },
    });
    expect(Date.parse(today.get(busy.id)?.lastRequestAt as string)).toBeGreaterThan(Date.now() - 60_000);
    expect(today.get(quiet.id)).toMatchObject({ lastDay: { requests: 1, failures: 0, rate: 0 } });
    expect(today.get(fresh.id)).toEqual({
      lastRequestAt: null,
      lastRequestStatus: null,
      lastDay: { requests: 0, failures: 0, rate: 0 },
    });
    // A day later the window is empty, but the last request is still told.
    roster.clock.advanceDays(1);
    roster.clock.advanceSeconds(60);
    const tomorrow = await activityOf();
    expect(tomorrow.get(busy.id)).toMatchObject({
      lastRequestAt: today.get(busy.id)?.lastRequestAt,
      lastRequestStatus: 200,
      lastDay: { requests: 0, failures: 0, rate: 0 },
    });
  });
});
