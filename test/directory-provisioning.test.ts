import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewRemap } from '../src/directory/remap/preview-remap.js';
import { runRemapJobs } from '../src/directory/remap/run-remap-jobs.js';
import { updateIntegrationSettings } from '../src/directory/integrations/update-integration-settings.js';
import type { Identity } from '../src/directory/model/identity.js';
import { ids, RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe.each(testEngines)('the directory behind SCIM on $name', (engine) => {
  let roster: RosterHarness;
  let organizationId: string;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    organizationId = (await roster.store.organizations.findByName('default'))?.id as string;
  });
  afterAll(() => roster.close());

  const deps = () => ({ store: roster.store, clock: roster.clock, ids });
  const identityOf = async (idp: IntegrationHandle, scimId: string): Promise<Identity> =>
    (await roster.store.identities.findBySource(
      { organizationId, integrationId: idp.id },
      scimId,
    )) as Identity;
  const createUser = async (idp: IntegrationHandle, body: Record<string, unknown>) => {
    const response = await roster.request(idp, 'POST', '/Users', body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.id as string;
  };
  const changeSettings = async (idp: IntegrationHandle, change: Record<string, unknown>) => {
    const { job } = await updateIntegrationSettings(deps(), idp.scope, change);
    await runRemapJobs(deps(), { owner: 'test', batchSize: 3 });
    return (await roster.store.remapJobs.findById(job, job.id)) ?? job;
  };

  it('creates an identity for each SCIM user with the profile, attributes and status it implies', async () => {
    const idp = await roster.createIntegration('profile-idp');
    const id = await createUser(idp, {
      userName: 'ada@example.com',
      name: { givenName: 'Ada', familyName: 'Lovelace', formatted: 'Ada Lovelace' },
      displayName: 'Ada L.',
      emails: [
        { value: 'ada@home.example', type: 'home', primary: true },
        { value: 'ada@work.example', type: 'work' },
      ],
      phoneNumbers: [
        { value: '+1 555 0100', type: 'mobile' },
        { value: '+1 555 0199', type: 'work' },
      ],
      addresses: [
        {
          type: 'work',
          streetAddress: '1 Engine Way',
          locality: 'London',
          region: 'LDN',
          postalCode: 'N1',
          country: 'GB',
        },
      ],
      title: 'Analyst',
      roles: [{ value: 'engineer' }],
      entitlements: [{ value: 'vpn' }],
      [ENTERPRISE]: { department: 'Computing', employeeNumber: '1815', manager: { value: 'mgr-1' } },
    });
    await roster.request(idp, 'POST', '/Groups', { displayName: 'Analysts', members: [{ value: id }] });
    const identity = await identityOf(idp, id);
    expect(identity).toMatchObject({
      name: 'ada@example.com',
      status: 'active',
      signInExternalId: null,
      attributes: ['Analysts', 'engineer', 'vpn'],
      profile: {
        username: 'ada@example.com',
        givenName: 'Ada',
        familyName: 'Lovelace',
        formattedName: 'Ada Lovelace',
        displayName: 'Ada L.',
        email: 'ada@work.example',
        mobilePhone: '+1 555 0100',
        workPhone: '+1 555 0199',
        title: 'Analyst',
        department: 'Computing',
        employeeNumber: '1815',
        manager: 'mgr-1',
        workAddress: {
          street: '1 Engine Way',
          locality: 'London',
          region: 'LDN',
          postalCode: 'N1',
          country: 'GB',
        },
      },
    });
    const groups = await roster.store.directoryGroups.list({ organizationId });
    expect(groups.map((g) => g.name)).toContain('Analysts');
  });

  it('renames every synced identity when the name source changes, falling back to userName when empty', async () => {
    const idp = await roster.createIntegration('rename-idp');
    const a = await createUser(idp, { userName: 'r.one', displayName: 'Rita One' });
    const b = await createUser(idp, { userName: 'r.two' });
    const c = await createUser(idp, { userName: 'r.three', displayName: 'Rita Three' });
    const job = await changeSettings(idp, { identityName: 'displayName' });
    expect(job).toMatchObject({ status: 'done', total: 3, processed: 3, changed: 2, collisions: 0 });
    expect((await identityOf(idp, a)).name).toBe('Rita One');
    expect((await identityOf(idp, b)).name).toBe('r.two');
    expect((await identityOf(idp, c)).name).toBe('Rita Three');
    // New writes use the new settings at once.
    const d = await createUser(idp, { userName: 'r.four', displayName: 'Rita Four' });
    expect((await identityOf(idp, d)).name).toBe('Rita Four');
    await changeSettings(idp, { identityName: 'userName' });
    expect((await identityOf(idp, a)).name).toBe('r.one');
  });

  it('derives the sign-in external ID from none, userName, the primary email or a custom path', async () => {
    const idp = await roster.createIntegration('external-id-idp');
    const id = await createUser(idp, {
      userName: 'eve',
      emails: [{ value: 'eve@other.example' }, { value: 'eve@work.example', type: 'work' }],
      [ENTERPRISE]: { employeeNumber: 'E-7' },
    });
    expect((await identityOf(idp, id)).signInExternalId).toBeNull();
    await changeSettings(idp, { signInExternalId: 'primaryEmail' });
    // No email is marked primary: the work one is used.
    expect((await identityOf(idp, id)).signInExternalId).toBe('eve@work.example');
    await changeSettings(idp, { signInExternalId: 'userName' });
    expect((await identityOf(idp, id)).signInExternalId).toBe('eve');
    await changeSettings(idp, { signInExternalId: `${ENTERPRISE}:employeeNumber` });
    expect((await identityOf(idp, id)).signInExternalId).toBe('E-7');
    await expect(
      updateIntegrationSettings(deps(), idp.scope, { signInExternalId: 'shoeSize' }),
    ).rejects.toThrow(/unknown attribute/);
  });

  it('takes attributes from groups, roles and entitlements, each switchable', async () => {
    const idp = await roster.createIntegration('attributes-idp');
    const id = await createUser(idp, {
      userName: 'sam',
      roles: [{ value: 'admin' }],
      entitlements: [{ value: 'billing' }],
    });
    await roster.request(idp, 'POST', '/Groups', { displayName: 'Ops', members: [{ value: id }] });
    expect((await identityOf(idp, id)).attributes).toEqual(['Ops', 'admin', 'billing']);
    await changeSettings(idp, { attributeSources: { roles: false } });
    expect((await identityOf(idp, id)).attributes).toEqual(['Ops', 'billing']);
    await changeSettings(idp, { attributeSources: { groups: false, entitlements: false } });
    expect((await identityOf(idp, id)).attributes).toEqual([]);
  });

  it('follows a group rename by default, or keeps the first-seen name when asked', async () => {
    const idp = await roster.createIntegration('group-names-idp');
    const follower = await createUser(idp, { userName: 'follower' });
    const group = await roster.request(idp, 'POST', '/Groups', {
      displayName: 'Old Name',
      members: [{ value: follower }],
    });
    const groupId = group.body.id as string;
    const rename = (displayName: string) =>
      roster.request(idp, 'PATCH', `/Groups/${groupId}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', value: { id: groupId, displayName } }],
      });
    expect((await rename('New Name')).status).toBe(204);
    expect((await identityOf(idp, follower)).attributes).toEqual(['New Name']);

    await changeSettings(idp, { groupNameAttributes: 'firstSeen' });
    // The first name this identity saw for the group was "Old Name".
    expect((await identityOf(idp, follower)).attributes).toEqual(['Old Name']);
    expect((await rename('Newest Name')).status).toBe(204);
    expect((await identityOf(idp, follower)).attributes).toEqual(['Old Name']);
  });

  it('maps IdP groups to directory groups by id or by name, and creates or ignores unmapped ones', async () => {
    const idp = await roster.createIntegration('mapping-idp');
    const engineers = await roster.store.directoryGroups.ensure(
      { organizationId },
      'Engineering (directory)',
      ids.newId(),
      new Date().toISOString(),
    );
    const role = {
      id: ids.newId(),
      organizationId,
      name: `deployer-${ids.newId()}`,
      permissions: ['deploy:prod'],
    };
    await roster.store.roles.insert(role, new Date().toISOString());
    await roster.store.directoryGroups.setRoles({ organizationId }, engineers.id, [role.id]);
    await roster.store.directoryGroups.addMapping(
      idp.scope,
      {
        id: ids.newId(),
        integrationId: idp.id,
        matchBy: 'displayName',
        idpGroup: 'eng-team',
        directoryGroupId: engineers.id,
        automatic: false,
      },
      new Date().toISOString(),
    );
    const user = await createUser(idp, { userName: 'mapper' });
    await roster.request(idp, 'POST', '/Groups', { displayName: 'ENG-TEAM', members: [{ value: user }] });
    await roster.request(idp, 'POST', '/Groups', {
      displayName: 'Unmapped Crew',
      members: [{ value: user }],
    });
    const identity = await identityOf(idp, user);
    const groupNames = async () => {
      const groupIds = await roster.store.identities.groupIdsOf({ organizationId }, identity.id);
      const all = await roster.store.directoryGroups.list({ organizationId });
      return all
        .filter((g) => groupIds.includes(g.id))
        .map((g) => g.name)
        .sort();
    };
    expect(await groupNames()).toEqual(['Engineering (directory)', 'Unmapped Crew']);
    expect(
      (await roster.store.roles.effectiveRolesOf({ organizationId }, identity.id)).map((r) => r.permissions),
    ).toEqual([['deploy:prod']]);

    await changeSettings(idp, { unmappedGroups: 'ignore' });
    expect(await groupNames()).toEqual(['Engineering (directory)']);
  });

  it('deactivates and reactivates an identity without losing its attributes', async () => {
    const idp = await roster.createIntegration('active-idp');
    const id = await createUser(idp, { userName: 'toggler', roles: [{ value: 'keeper' }] });
    const setActive = (active: unknown) =>
      roster.request(idp, 'PATCH', `/Users/${id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', value: { active } }],
      });
    await setActive('False');
    expect(await identityOf(idp, id)).toMatchObject({ status: 'disabled', attributes: ['keeper'] });
    await setActive(true);
    expect(await identityOf(idp, id)).toMatchObject({ status: 'active', attributes: ['keeper'] });
  });

  // RFC 7644 §3.6 and RFC 7643 §3.1: the SCIM user is gone for good and its id is never reused; the
  // directory identity continues (re-linked by externalId) under the new SCIM user.
  it('on DELETE keeps a deleted-with-history identity that a new POST continues under a new SCIM id, or deletes it', async () => {
    const idp = await roster.createIntegration('delete-idp');
    const id = await createUser(idp, {
      userName: 'leaver',
      externalId: 'L-1',
      entitlements: [{ value: 'wiki' }],
    });
    const before = await identityOf(idp, id);
    expect((await roster.request(idp, 'DELETE', `/Users/${id}`)).status).toBe(204);
    expect((await roster.request(idp, 'GET', `/Users/${id}`)).status).toBe(404);
    expect(await identityOf(idp, id)).toMatchObject({
      id: before.id,
      status: 'deleted',
      attributes: ['wiki'],
    });
    const back = await roster.request(idp, 'POST', '/Users', {
      userName: 'leaver',
      externalId: 'L-1',
      entitlements: [{ value: 'wiki' }],
    });
    expect(back.status).toBe(201);
    const newId = back.body.id as string;
    expect(newId).not.toBe(id);
    expect((await roster.request(idp, 'GET', `/Users/${id}`)).status).toBe(404);
    expect(await identityOf(idp, newId)).toMatchObject({
      id: before.id,
      status: 'active',
      createdAt: before.createdAt,
      scimResourceId: newId,
    });

    await changeSettings(idp, { onDelete: 'delete' });
    expect((await roster.request(idp, 'DELETE', `/Users/${newId}`)).status).toBe(204);
    expect(await roster.store.identities.findById({ organizationId }, before.id)).toBeUndefined();
    const again = await roster.request(idp, 'POST', '/Users', { userName: 'leaver', externalId: 'L-1' });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(newId);
    expect((await identityOf(idp, again.body.id as string)).id).not.toBe(before.id);
  });

  it('refuses a SCIM write whose identity name collides, naming the field, and writes nothing', async () => {
    const idp = await roster.createIntegration('collision-idp');
    await changeSettings(idp, { identityName: 'displayName' });
    await createUser(idp, { userName: 'first.pat', displayName: 'Pat' });
    const clash = await roster.request(idp, 'POST', '/Users', { userName: 'second.pat', displayName: 'PAT' });
    expect(clash.status).toBe(409);
    expect(clash.body.scimType).toBe('uniqueness');
    expect(clash.body.detail).toContain('displayName');
    const search = await roster.request(
      idp,
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "second.pat"')}`,
    );
    expect(search.body.totalResults).toBe(0);
    const other = await createUser(idp, { userName: 'third.pat', displayName: 'Other' });
    const renameClash = await roster.request(idp, 'PATCH', `/Users/${other}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'displayName', value: 'pat' }],
    });
    expect(renameClash.status).toBe(409);
    const read = await roster.request(idp, 'GET', `/Users/${other}`);
    expect(read.body.displayName).toBe('Other');
  });

  it('previews a remap without writing, and reports collisions the remap would skip', async () => {
    const idp = await roster.createIntegration('preview-idp');
    const a = await createUser(idp, { userName: 'pv.one', nickName: 'Twin' });
    const b = await createUser(idp, { userName: 'pv.two', nickName: 'twin' });
    const c = await createUser(idp, { userName: 'pv.three', nickName: 'Solo' });
    const current = (await roster.store.integrations.settings(idp.scope)) as NonNullable<
      Awaited<ReturnType<typeof roster.store.integrations.settings>>
    >;
    const before = await Promise.all([a, b, c].map((id) => identityOf(idp, id)));
    const preview = await previewRemap(deps(), idp.scope, { ...current, identityName: 'nickName' });
    expect(preview).toMatchObject({ total: 3, changed: 3, byField: { name: 3 } });
    expect(preview.collisions).toHaveLength(1);
    expect(preview.sample[0]?.after.name).toBeDefined();
    expect(await Promise.all([a, b, c].map((id) => identityOf(idp, id)))).toEqual(before);
    const job = await changeSettings(idp, { identityName: 'nickName' });
    expect(job).toMatchObject({ status: 'done', changed: 2, collisions: 1 });
  });

  it('resumes a remap job stopped mid-way, on another worker, and remaps every identity once', async () => {
    const idp = await roster.createIntegration('resume-idp');
    const users: string[] = [];
    for (let i = 0; i < 10; i++)
      users.push(await createUser(idp, { userName: `resume-${i}`, displayName: `Resumed ${i}` }));
    const { job } = await updateIntegrationSettings(deps(), idp.scope, { identityName: 'displayName' });
    // The first worker processes two batches and "crashes" holding its lease.
    await runRemapJobs(deps(), { owner: 'worker-a', batchSize: 3, leaseMs: 60_000, maxBatches: 2 });
    const halfway = await roster.store.remapJobs.findById(job, job.id);
    expect(halfway).toMatchObject({ status: 'running', processed: 6 });
    // While the lease holds, nobody else runs it.
    expect(await runRemapJobs(deps(), { owner: 'worker-b', batchSize: 3 })).toBe(0);
    expect((await roster.store.remapJobs.findById(job, job.id))?.processed).toBe(6);
    roster.clock.advanceDays(1);
    try {
      expect(await runRemapJobs(deps(), { owner: 'worker-b', batchSize: 3 })).toBe(1);
    } finally {
      roster.clock.advanceDays(-1);
    }
    expect(await roster.store.remapJobs.findById(job, job.id)).toMatchObject({
      status: 'done',
      processed: 10,
      changed: 10,
    });
    for (const [i, id] of users.entries()) expect((await identityOf(idp, id)).name).toBe(`Resumed ${i}`);
  });

  it('keeps organizations apart while both provision at once', async () => {
    await roster.createOrganization('north');
    await roster.createOrganization('south');
    const north = await roster.createIntegration('north-idp', 'north');
    const south = await roster.createIntegration('south-idp', 'south');
    const northId = (await roster.store.organizations.findByName('north'))?.id as string;
    const southId = (await roster.store.organizations.findByName('south'))?.id as string;
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => [
        roster.request(north, 'POST', '/Users', {
          userName: `shared-${i}`,
          roles: [{ value: 'north-role' }],
        }),
        roster.request(south, 'POST', '/Users', {
          userName: `shared-${i}`,
          roles: [{ value: 'south-role' }],
        }),
      ]).flat(),
    );
    await roster.request(north, 'POST', '/Groups', { displayName: 'Same Name' });
    await roster.request(south, 'POST', '/Groups', { displayName: 'Same Name' });
    await updateIntegrationSettings(deps(), north.scope, { identityName: 'nickName' });
    const northIdentities = await roster.store.identities.list({ organizationId: northId }, { limit: 100 });
    const southIdentities = await roster.store.identities.list({ organizationId: southId }, { limit: 100 });
    expect(northIdentities).toHaveLength(10);
    expect(southIdentities).toHaveLength(10);
    expect(
      northIdentities.every((i) => i.attributes.includes('north-role') && i.organizationId === northId),
    ).toBe(true);
    expect(
      southIdentities.every((i) => i.attributes.includes('south-role') && i.organizationId === southId),
    ).toBe(true);
    expect((await roster.store.integrations.settings(south.scope))?.identityName).toBe('userName');
    // A token of one organization's integration finds nothing of the other.
    const crossRead = await roster.request(
      north,
      'GET',
      `/Users?filter=${encodeURIComponent('userName eq "shared-1"')}`,
    );
    expect(crossRead.body.totalResults).toBe(1);
    expect(
      await roster.store.identities.findById({ organizationId: northId }, southIdentities[0]?.id as string),
    ).toBeUndefined();
  });
});
