import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ids, RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';
import { AdminClient } from './support/admin-client.js';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

describe.each(testEngines)('identities through the admin API on $name', (engine) => {
  let roster: RosterHarness;
  let admin: AdminClient;
  let base: string;
  let okta: IntegrationHandle;
  let entra: IntegrationHandle;
  const users: Record<string, string> = {};
  const identityIds: Record<string, string> = {};
  let engineeringGroup: string;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    admin = await AdminClient.installation(roster);
    const organizationId = (await roster.store.organizations.findByName('default'))?.id as string;
    base = `/organizations/${organizationId}`;
    okta = await roster.createIntegration('okta');
    entra = await roster.createIntegration('entra');
    const create = async (idp: IntegrationHandle, userName: string, extra: Record<string, unknown> = {}) => {
      const response = await roster.request(idp, 'POST', '/Users', { userName, active: true, ...extra });
      expect(response.status, response.text).toBe(201);
      users[userName] = response.body.id as string;
      const identity = await roster.store.identities.findBySource(
        { organizationId, integrationId: idp.id },
        users[userName],
      );
      identityIds[userName] = identity?.id as string;
    };
    await create(okta, 'ada@example.com', { roles: [{ value: 'engineer' }], name: { givenName: 'Ada' } });
    await create(okta, 'bob@example.com', { active: false });
    await create(okta, 'carol@example.com', { entitlements: [{ value: 'vpn' }] });
    await create(entra, 'dave@example.org');
    await roster.request(okta, 'POST', '/Groups', {
      displayName: 'Engineering',
      members: [{ value: users['ada@example.com'] }, { value: users['carol@example.com'] }],
    });
    const groups = await admin.get(`${base}/groups`);
    engineeringGroup = groups.body.data.find((g: { name: string }) => g.name === 'Engineering').id;
  });
  afterAll(() => roster.close());

  const names = (body: { data: { name: string }[] }) => body.data.map((i) => i.name).sort();

  it('lists identities, filtered by status, integration, group, attribute and text, combined', async () => {
    const all = await admin.get(`${base}/identities`);
    expect(all.status).toBe(200);
    expect(names(all.body)).toEqual([
      'ada@example.com',
      'bob@example.com',
      'carol@example.com',
      'dave@example.org',
    ]);
    expect(all.body.nextCursor).toBeNull();
    const query = async (search: string) => names((await admin.get(`${base}/identities?${search}`)).body);
    expect(await query('status=disabled')).toEqual(['bob@example.com']);
    expect(await query(`integrationId=${entra.id}`)).toEqual(['dave@example.org']);
    expect(await query(`groupId=${engineeringGroup}`)).toEqual(['ada@example.com', 'carol@example.com']);
    expect(await query('attribute=vpn')).toEqual(['carol@example.com']);
    expect(await query('attribute=Engineering')).toEqual(['ada@example.com', 'carol@example.com']);
    expect(await query('q=ADA')).toEqual(['ada@example.com']);
    expect(await query('q=example.com')).toEqual(['ada@example.com', 'bob@example.com', 'carol@example.com']);
    expect(await query(`q=example&status=active&integrationId=${okta.id}`)).toEqual([
      'ada@example.com',
      'carol@example.com',
    ]);
    expect(await query('attribute=nothing-has-this')).toEqual([]);
  });

  it('validates list queries and refuses cursors it did not issue', async () => {
    const bad = await admin.get(`${base}/identities?limit=0&status=asleep&colour=red`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'colour',
      'limit',
      'status',
    ]);
    expect(bad.body.error.details.every((d: { location: string }) => d.location === 'query')).toBe(true);
    expect((await admin.get(`${base}/identities?limit=1001`)).status).toBe(400);
    for (const cursor of ['not*base64', Buffer.from('{"v":2}').toString('base64url'), 'YWJj']) {
      const response = await admin.get(`${base}/identities?cursor=${cursor}`);
      expect(response.status, cursor).toBe(400);
      expect(response.body.error.details).toEqual([
        expect.objectContaining({ field: 'cursor', location: 'query' }),
      ]);
    }
    // Filters naming something that is not this organization's are 404, like any unknown id.
    expect(
      (await admin.get(`${base}/identities?integrationId=01000000-0000-7000-8000-000000000000`)).status,
    ).toBe(404);
    expect((await admin.get(`${base}/identities?groupId=01000000-0000-7000-8000-000000000000`)).status).toBe(
      404,
    );
  });

  it('gets one identity with its profile, attributes, groups and effective roles', async () => {
    const ada = identityIds['ada@example.com'] as string;
    const read = await admin.get(`${base}/identities/${ada}`);
    expect(read.body).toMatchObject({
      id: ada,
      name: 'ada@example.com',
      status: 'active',
      sourceIntegrationId: okta.id,
      scimResourceId: users['ada@example.com'],
      attributes: ['Engineering', 'engineer'],
      profile: { username: 'ada@example.com', givenName: 'Ada' },
    });
    expect((await admin.get(`${base}/identities/${ada}/attributes`)).body).toEqual({
      data: ['Engineering', 'engineer'],
    });

    const role = await admin.post(`${base}/roles`, {
      name: 'Developer',
      permissions: ['repo:write', 'ci:run'],
    });
    expect(
      (await admin.put(`${base}/groups/${engineeringGroup}/roles`, { roles: ['Developer'] })).status,
    ).toBe(200);
    const groups = await admin.get(`${base}/identities/${ada}/groups`);
    expect(groups.body.data).toEqual([
      expect.objectContaining({
        id: engineeringGroup,
        name: 'Engineering',
        roles: [{ id: role.body.id, name: 'Developer' }],
      }),
    ]);
    const roles = await admin.get(`${base}/identities/${ada}/roles`);
    expect(roles.body).toEqual({
      data: [{ id: role.body.id, name: 'Developer', permissions: ['repo:write', 'ci:run'] }],
      permissions: ['ci:run', 'repo:write'],
    });
    const dave = identityIds['dave@example.org'] as string;
    expect((await admin.get(`${base}/identities/${dave}/roles`)).body).toEqual({ data: [], permissions: [] });
    for (const path of ['', '/attributes', '/groups', '/roles']) {
      expect((await admin.get(`${base}/identities/01000000-0000-7000-8000-000000000000${path}`)).status).toBe(
        404,
      );
    }
  });

  it('disables and enables an identity; the IdP stays the source of truth on its next write', async () => {
    const carol = identityIds['carol@example.com'] as string;
    const disabled = await admin.post(`${base}/identities/${carol}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body.status).toBe('disabled');
    expect((await admin.get(`${base}/identities/${carol}`)).body.status).toBe('disabled');
    const enabled = await admin.post(`${base}/identities/${carol}/enable`);
    expect(enabled.body.status).toBe('active');

    await admin.post(`${base}/identities/${carol}/disable`);
    const patched = await roster.request(okta, 'PATCH', `/Users/${users['carol@example.com']}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'title', value: 'Engineer' }],
    });
    expect(patched.status).toBe(200);
    expect((await admin.get(`${base}/identities/${carol}`)).body.status).toBe('active');

    // The IdP deleted this one: it stays deleted until the IdP restores it. (A user of its own, so the
    // other tests' fixtures stay as they are, whatever order the tests run in.)
    const elsewhere = await roster.createOrganization('leavers');
    const leaving = await roster.createIntegration('leaving-idp', 'leavers');
    const leaver = await roster.request(leaving, 'POST', '/Users', { userName: 'leaver@example.com' });
    expect((await roster.request(leaving, 'DELETE', `/Users/${leaver.body.id as string}`)).status).toBe(204);
    const gone = await roster.store.identities.findBySource(leaving.scope, leaver.body.id as string);
    const leaverPath = `/organizations/${elsewhere}/identities/${gone?.id as string}`;
    expect((await admin.get(leaverPath)).body.status).toBe('deleted');
    const refused = await admin.post(`${leaverPath}/enable`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    expect((await admin.post(`${base}/identities/01000000-0000-7000-8000-000000000000/disable`)).status).toBe(
      404,
    );
  });

  it('pages through 10,000 identities by cursor, 1000 at a time, each exactly once', async () => {
    const organizationId = await roster.createOrganization('big');
    const now = roster.clock.now().toISOString();
    const expected: string[] = [];
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const id = ids.newId();
      expected.push(id);
      return {
        id,
        organization_id: organizationId,
        name: `person-${i}@big.example`,
        name_key: `person-${i}@big.example`,
        status: i % 10 === 0 ? 'disabled' : 'active',
        sign_in_external_id: null,
        auth_policy_id: null,
        attributes: JSON.stringify(i % 2 === 0 ? ['even'] : []),
        profile: JSON.stringify({ username: `person-${i}@big.example` }),
        source_integration_id: null,
        scim_resource_id: null,
        created_at: now,
        updated_at: now,
        last_synced_at: null,
      };
    });
    for (let i = 0; i < rows.length; i += 500) {
      await roster.database.db
        .insertInto('identities')
        .values(rows.slice(i, i + 500))
        .execute();
    }
    const bigKey = await AdminClient.forOrganization(roster, organizationId);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { status: number; body: { data: { id: string }[]; nextCursor: string | null } } =
        await bigKey.get(
          `/organizations/${organizationId}/identities?limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
        );
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(1000);
      seen.push(...page.body.data.map((identity) => identity.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(10);
    expect(seen).toHaveLength(10_000);
    expect(new Set(seen).size).toBe(10_000);
    expect(seen).toEqual([...expected].sort());

    // Filters page too: the cursor carries the position, the query carries the filters.
    let filtered = 0;
    cursor = null;
    do {
      const page: { body: { data: { status: string; attributes: string[] }[]; nextCursor: string | null } } =
        await bigKey.get(
          `/organizations/${organizationId}/identities?status=disabled&attribute=even&limit=300${cursor ? `&cursor=${cursor}` : ''}`,
        );
      for (const identity of page.body.data) {
        expect(identity).toMatchObject({ status: 'disabled', attributes: ['even'] });
      }
      filtered += page.body.data.length;
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(filtered).toBe(1000);
  });
});
