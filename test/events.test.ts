import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRemapJobs } from '../src/directory/remap/run-remap-jobs.js';
import { warnExpiringTokens } from '../src/directory/events/warn-expiring-tokens.js';
import { AdminClient, issueAdminKey } from './support/admin-client.js';
import { ids, RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

interface EventBody {
  id: string;
  sequence: number;
  type: string;
  integrationId: string | null;
  requestId: string | null;
  actor: { kind: string; id: string | null };
  resource: { type: string; id: string };
  data: Record<string, unknown>;
  changed: string[];
}

const user = (userName: string, extra: Record<string, unknown> = {}) => ({
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  active: true,
  ...extra,
});
const replace = (path: string, value: unknown) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations: [{ op: 'replace', path, value }],
});

describe.each(testEngines)('the events feed on $name', (engine) => {
  let roster: RosterHarness;
  let admin: AdminClient;
  let adminKeyId: string;
  let base: string;
  let organizationId: string;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    organizationId = (await roster.store.organizations.findByName('default'))?.id as string;
    const key = await issueAdminKey(roster, organizationId, 'events');
    adminKeyId = key.id;
    admin = new AdminClient(roster.origin, key.secret);
    base = `/organizations/${organizationId}`;
  });
  afterAll(() => roster.close());

  async function cursorNow(): Promise<string> {
    const response = await admin.get(`${base}/events/cursor`);
    expect(response.status).toBe(200);
    return response.body.cursor as string;
  }
  async function eventsAfter(cursor: string): Promise<EventBody[]> {
    const response = await admin.get(`${base}/events?after=${encodeURIComponent(cursor)}&limit=1000`);
    expect(response.status).toBe(200);
    return response.body.data as EventBody[];
  }
  /** Runs `action` and returns exactly the events it produced. */
  async function eventsOf(action: () => Promise<unknown>): Promise<EventBody[]> {
    const before = await cursorNow();
    await action();
    return eventsAfter(before);
  }
  async function scim(idp: IntegrationHandle, method: string, path: string, body?: unknown) {
    const response = await roster.request(idp, method, path, body);
    expect(response.status, response.text).toBeLessThan(300);
    return response;
  }
  const byIntegration = (idp: IntegrationHandle, requestId: string | null) => ({
    integrationId: idp.id,
    requestId,
    actor: { kind: 'integration', id: idp.id },
  });
  const byAdmin = () => ({ integrationId: null, actor: { kind: 'admin_key', id: adminKeyId } });

  it('tells every SCIM change of a user with exactly one event carrying its new state and cause', async () => {
    const idp = await roster.createIntegration();
    let requestId: string | null = null;
    let userId = '';
    const created = await eventsOf(async () => {
      const response = await scim(idp, 'POST', '/Users', user('ada@example.com'));
      requestId = response.headers.get('x-request-id');
      userId = response.body.id as string;
    });
    expect(created).toHaveLength(1);
    const identityId = created[0]?.resource.id as string;
    expect(created[0]).toMatchObject({
      type: 'identity.created',
      resource: { type: 'identity' },
      ...byIntegration(idp, requestId),
      data: {
        id: identityId,
        name: 'ada@example.com',
        status: 'active',
        scimResourceId: userId,
        groupIds: [],
      },
    });
    expect(created[0]?.changed).toEqual(expect.arrayContaining(['name', 'status', 'attributes']));

    const cases: { action: () => Promise<unknown>; type: string; changed: string[]; data: object }[] = [
      {
        action: () => scim(idp, 'PATCH', `/Users/${userId}`, replace('userName', 'ada.l@example.com')),
        type: 'identity.updated',
        changed: ['name', 'profile'],
        data: { name: 'ada.l@example.com', status: 'active' },
      },
      {
        action: () => scim(idp, 'PATCH', `/Users/${userId}`, replace('active', false)),
        type: 'identity.disabled',
        changed: ['status'],
        data: { status: 'disabled' },
      },
      {
        action: () => scim(idp, 'PUT', `/Users/${userId}`, user('ada.l@example.com', { active: true })),
        type: 'identity.enabled',
        changed: ['status'],
        data: { status: 'active' },
      },
      {
        action: () => admin.post(`${base}/identities/${identityId}/disable`),
        type: 'identity.disabled',
        changed: ['status'],
        data: { status: 'disabled' },
      },
      {
        action: () => admin.post(`${base}/identities/${identityId}/enable`),
        type: 'identity.enabled',
        changed: ['status'],
        data: { status: 'active' },
      },
      {
        action: () => scim(idp, 'DELETE', `/Users/${userId}`),
        type: 'identity.deleted',
        changed: ['status'],
        data: { status: 'deleted' },
      },
    ];
    for (const { action, type, changed, data } of cases) {
      const events = await eventsOf(action);
      expect(events.map((e) => e.type)).toEqual([type]);
      expect(events[0]).toMatchObject({ resource: { type: 'identity', id: identityId }, data, changed });
    }
  });

  it('tells group changes as group events, and each membership change as one member event', async () => {
    const idp = await roster.createIntegration();
    const a = (await scim(idp, 'POST', '/Users', user('m1@example.com'))).body.id as string;
    const b = (await scim(idp, 'POST', '/Users', user('m2@example.com'))).body.id as string;
    const identityOf = async (scimId: string) =>
      (await roster.store.identities.findBySource(idp.scope, scimId))?.id as string;

    let groupId = '';
    const createdGroup = await eventsOf(async () => {
      groupId = (
        await scim(idp, 'POST', '/Groups', {
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
          displayName: 'Engineering',
          members: [{ value: a }, { value: b }],
        })
      ).body.id as string;
    });
    // unmappedGroups: create (the default) makes a directory group for the IdP group.
    const directoryGroup = createdGroup.find((e) => e.type === 'group.created');
    expect(directoryGroup).toMatchObject({ data: { name: 'Engineering', roleIds: [] } });
    const groupEventId = directoryGroup?.resource.id as string;
    expect(createdGroup.map((e) => e.type).sort()).toEqual([
      'group.created',
      'group.member_added',
      'group.member_added',
      'identity.updated',
      'identity.updated',
    ]);
    // The IdP group's name is among the identities' attributes (attributeSources.groups).
    expect(createdGroup.filter((e) => e.type === 'identity.updated')).toMatchObject([
      { changed: ['attributes'], data: { attributes: ['Engineering'], groupIds: [groupEventId] } },
      { changed: ['attributes'], data: { attributes: ['Engineering'], groupIds: [groupEventId] } },
    ]);
    expect(
      createdGroup
        .filter((e) => e.type === 'group.member_added')
        .map((e) => e.data)
        .sort((x, y) => String(x.identityId).localeCompare(String(y.identityId))),
    ).toEqual(
      [
        { groupId: groupEventId, identityId: await identityOf(a) },
        { groupId: groupEventId, identityId: await identityOf(b) },
      ].sort((x, y) => x.identityId.localeCompare(y.identityId)),
    );
    // The group event comes first: a consumer never sees a member of a group it has not heard of.
    expect(createdGroup[0]?.type).toBe('group.created');

    const removed = await eventsOf(() =>
      scim(idp, 'PATCH', `/Groups/${groupId}`, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'remove', path: `members[value eq "${a}"]` }],
      }),
    );
    expect(removed).toMatchObject([
      { type: 'identity.updated', changed: ['attributes'], data: { attributes: [], groupIds: [] } },
      { type: 'group.member_removed', data: { groupId: groupEventId, identityId: await identityOf(a) } },
    ]);

    // A rename keeps the membership; only the remaining member's group-name attribute changes.
    expect(
      await eventsOf(() => scim(idp, 'PATCH', `/Groups/${groupId}`, replace('displayName', 'Eng'))),
    ).toMatchObject([
      {
        type: 'identity.updated',
        resource: { id: await identityOf(b) },
        changed: ['attributes'],
        data: { attributes: ['Eng'] },
      },
    ]);

    const role = await admin.post(`${base}/roles`, { name: `r-${ids.newId()}`, permissions: ['x:read'] });
    const roles = await eventsOf(() =>
      admin.put(`${base}/groups/${groupEventId}/roles`, { roles: [role.body.id] }),
    );
    expect(roles).toMatchObject([
      { type: 'group.updated', ...byAdmin(), changed: ['roleIds'], data: { roleIds: [role.body.id] } },
    ]);
    expect(roles[0]?.requestId).toEqual(expect.any(String));

    // A role's change is a change of every group carrying it.
    const other = (await admin.post(`${base}/groups`, { name: `other-${ids.newId()}` })).body.id as string;
    await admin.put(`${base}/groups/${other}/roles`, { roles: [role.body.id] });
    const renamed = await eventsOf(() =>
      admin.patch(`${base}/roles/${role.body.id}`, { name: `r2-${ids.newId()}` }),
    );
    expect(renamed.map((e) => [e.type, e.resource.id, e.changed]).sort()).toEqual(
      [
        ['group.updated', groupEventId, ['roles']],
        ['group.updated', other, ['roles']],
      ].sort(),
    );
    expect(renamed.every((e) => e.actor.kind === 'admin_key')).toBe(true);
    const roleGone = await eventsOf(() => admin.delete(`${base}/roles/${role.body.id}`));
    expect(roleGone).toHaveLength(2);
    expect(
      roleGone.every((e) => e.type === 'group.updated' && (e.data.roleIds as string[]).length === 0),
    ).toBe(true);
    expect(roleGone[0]?.changed).toEqual(['roleIds']);

    // Deleting a group ends each membership with its own event, before group.deleted.
    const gone = await eventsOf(() => admin.delete(`${base}/groups/${groupEventId}`));
    expect(gone).toMatchObject([
      { type: 'group.member_removed', data: { groupId: groupEventId, identityId: await identityOf(b) } },
      { type: 'group.deleted', resource: { id: groupEventId } },
    ]);
  });

  it('tells every admin change of groups and integrations with one event, naming the admin key', async () => {
    let groupId = '';
    const created = await eventsOf(async () => {
      groupId = (await admin.post(`${base}/groups`, { name: 'Finance' })).body.id;
    });
    expect(created).toMatchObject([
      {
        type: 'group.created',
        ...byAdmin(),
        resource: { type: 'group', id: groupId },
        data: { name: 'Finance' },
      },
    ]);
    expect(await eventsOf(() => admin.post(`${base}/groups`, { name: 'FINANCE' }))).toEqual([]);
    expect(await eventsOf(() => admin.delete(`${base}/groups/${groupId}`))).toMatchObject([
      { type: 'group.deleted', ...byAdmin(), resource: { id: groupId } },
    ]);

    let integrationId = '';
    const integration = await eventsOf(async () => {
      integrationId = (await admin.post(`${base}/integrations`, { name: 'okta-events', idp: 'okta' })).body
        .id;
    });
    expect(integration).toMatchObject([
      { type: 'integration.created', actor: byAdmin().actor, integrationId, data: { name: 'okta-events' } },
    ]);
    expect(JSON.stringify(integration)).not.toMatch(/roster_scim_|token_hash|tokenHash/);
    expect(await eventsOf(() => admin.post(`${base}/integrations/${integrationId}/token`))).toMatchObject([
      {
        type: 'integration.token_rotated',
        actor: byAdmin().actor,
        changed: ['tokenCreatedAt', 'tokenExpiresAt'],
      },
    ]);
    const settings = await eventsOf(() =>
      admin.patch(`${base}/integrations/${integrationId}/settings`, { identityName: 'displayName' }),
    );
    expect(settings).toMatchObject([
      {
        type: 'integration.settings_changed',
        changed: ['identityName'],
        data: { settings: { identityName: 'displayName' } },
      },
    ]);
    const remap = await eventsOf(() =>
      runRemapJobs({ store: roster.store, clock: roster.clock, ids }, { owner: 't' }),
    );
    expect(remap.map((e) => e.type)).toEqual(['remap.completed']);
    expect(remap[0]).toMatchObject({ integrationId, actor: { kind: 'system' }, data: { status: 'done' } });
  });

  it('tells an integration deletion: its identities first, then the integration', async () => {
    const idp = await roster.createIntegration();
    await scim(idp, 'POST', '/Users', user('gone@example.com'));
    const events = await eventsOf(() => admin.delete(`${base}/integrations/${idp.id}?identities=delete`));
    expect(events.map((e) => e.type)).toEqual(['identity.deleted', 'integration.deleted']);
    expect(events[1]).toMatchObject({
      resource: { type: 'integration', id: idp.id },
      actor: byAdmin().actor,
    });
  });

  it('warns of an expiring token 30, 7 and 1 days before, once each, whichever instance looks', async () => {
    const idp = await roster.createIntegration();
    const deps = { store: roster.store, clock: roster.clock, ids };
    const warnings = async () =>
      (await eventsAfter(cursor)).filter(
        (e) => e.type === 'integration.token_expiring' && e.resource.id === idp.id,
      );
    const cursor = await cursorNow();
    roster.clock.advanceDays(340);
    try {
      await Promise.all([warnExpiringTokens(deps), warnExpiringTokens(deps)]);
      await warnExpiringTokens(deps);
      expect(await warnings()).toMatchObject([
        { data: { warningDays: 30, daysLeft: 25 }, integrationId: idp.id },
      ]);
      roster.clock.advanceDays(20);
      await warnExpiringTokens(deps);
      roster.clock.advanceDays(4.5);
      await warnExpiringTokens(deps);
      await warnExpiringTokens(deps);
      expect((await warnings()).map((e) => e.data.warningDays)).toEqual([30, 7, 1]);
    } finally {
      roster.clock.advanceDays(-364.5);
    }
  });

  it('writes no event for a SCIM request that fails, nor for one that changes nothing', async () => {
    const idp = await roster.createIntegration();
    const id = (await scim(idp, 'POST', '/Users', user('same@example.com'))).body.id as string;
    const failed = await eventsOf(async () => {
      expect((await roster.request(idp, 'POST', '/Users', user('SAME@example.com'))).status).toBe(409);
      expect((await roster.request(idp, 'PATCH', `/Users/${id}`, replace('userName', ''))).status).toBe(400);
      expect((await roster.request(idp, 'POST', '/Users', { schemas: user('x').schemas })).status).toBe(400);
    });
    expect(failed).toEqual([]);
    expect(await eventsOf(() => scim(idp, 'PUT', `/Users/${id}`, user('same@example.com')))).toEqual([]);
  });

  it('numbers events 1, 2, 3, … per organization, pages with the cursor and filters by type', async () => {
    const all: EventBody[] = [];
    let cursor = '';
    for (;;) {
      const page = await admin.get(`${base}/events?limit=7${cursor ? `&after=${cursor}` : ''}`);
      all.push(...(page.body.data as EventBody[]));
      cursor = page.body.cursor;
      if (!page.body.hasMore) break;
    }
    expect(all.length).toBeGreaterThan(10);
    expect(all.map((e) => e.sequence)).toEqual(all.map((_, i) => i + 1));
    const filtered = await admin.get(`${base}/events?types=identity.created,group.created&limit=1000`);
    expect(new Set(filtered.body.data.map((e: EventBody) => e.type))).toEqual(
      new Set(['identity.created', 'group.created']),
    );
    expect((await admin.get(`${base}/events?types=identity.nope`)).status).toBe(400);
    expect((await admin.get(`${base}/events?after=garbage`)).status).toBe(400);
    // Another organization's feed starts at 1 and never shows this one's events.
    const other = await roster.createOrganization(`other-${ids.newId()}`);
    const otherAdmin = await AdminClient.forOrganization(roster, other);
    expect((await otherAdmin.get(`/organizations/${other}/events`)).body.data).toEqual([]);
    expect((await admin.get(`/organizations/${other}/events`)).status).toBe(404);
  });

  it('reads one identity’s or one group’s history with resourceId, its member events included, paged', async () => {
    const idp = await roster.createIntegration();
    const scimUser = (await scim(idp, 'POST', '/Users', user('history@example.com'))).body.id as string;
    const bystander = (await scim(idp, 'POST', '/Users', user('bystander@example.com'))).body.id as string;
    const identityId = (await roster.store.identities.findBySource(idp.scope, scimUser))?.id as string;
    const renamed = await scim(idp, 'PATCH', `/Users/${scimUser}`, replace('displayName', 'Historian'));
    const group = await scim(idp, 'POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: `History ${ids.newId()}`,
      members: [{ value: scimUser }, { value: bystander }],
    });
    await scim(idp, 'PATCH', `/Users/${bystander}`, replace('displayName', 'Someone else'));
    await scim(idp, 'PATCH', `/Groups/${group.body.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'remove', path: `members[value eq "${scimUser}"]` }],
    });

    const history = await admin.get(`${base}/events?resourceId=${identityId}&limit=1000`);
    expect(history.status).toBe(200);
    const events = history.body.data as EventBody[];
    expect(events.map((e) => e.type)).toEqual([
      'identity.created',
      'identity.updated',
      'identity.updated',
      'group.member_added',
      'identity.updated',
      'group.member_removed',
    ]);
    expect(events[1]).toMatchObject({
      ...byIntegration(idp, renamed.headers.get('x-request-id')),
      changed: ['profile'],
    });
    expect(events.every((e) => e.resource.id === identityId || e.data.identityId === identityId)).toBe(true);
    expect(events.map((e) => e.sequence)).toEqual([...events.map((e) => e.sequence)].sort((a, b) => a - b));

    // Paged like the whole feed: the cursor of a page reads on within the same history.
    const first = await admin.get(`${base}/events?resourceId=${identityId}&limit=4`);
    expect(first.body).toMatchObject({ hasMore: true });
    const rest = await admin.get(
      `${base}/events?resourceId=${identityId}&limit=4&after=${encodeURIComponent(first.body.cursor)}`,
    );
    expect([...first.body.data, ...rest.body.data].map((e: EventBody) => e.id)).toEqual(
      events.map((e) => e.id),
    );
    expect(rest.body.hasMore).toBe(false);

    // A group's history is its own events and its member events, nobody else's.
    const directoryGroupId = events[3]?.data.groupId as string;
    const groupHistory = (await admin.get(`${base}/events?resourceId=${directoryGroupId}&limit=1000`)).body
      .data as EventBody[];
    expect(groupHistory.map((e) => e.type)).toEqual([
      'group.created',
      'group.member_added',
      'group.member_added',
      'group.member_removed',
    ]);
    // Another organization reads none of it.
    const other = await roster.createOrganization(`other-${ids.newId()}`);
    const otherAdmin = await AdminClient.forOrganization(roster, other);
    expect(
      (await otherAdmin.get(`/organizations/${other}/events?resourceId=${identityId}`)).body.data,
    ).toEqual([]);
    expect((await admin.get(`${base}/events?resourceId=`)).status).toBe(400);
  });

  it('long-polls: a read with wait answers as soon as an event commits', async () => {
    const idp = await roster.createIntegration();
    const cursor = await cursorNow();
    const started = Date.now();
    const waiting = admin.get(`${base}/events?wait=10&after=${cursor}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await scim(idp, 'POST', '/Users', user('late@example.com'));
    const page = await waiting;
    expect(page.body.data.map((e: EventBody) => e.type)).toEqual(['identity.created']);
    expect(Date.now() - started).toBeLessThan(5000);
    const empty = await admin.get(`${base}/events?wait=0.3&after=${page.body.cursor}`);
    expect(empty.body).toEqual({ data: [], cursor: page.body.cursor, hasMore: false });
  });
});
