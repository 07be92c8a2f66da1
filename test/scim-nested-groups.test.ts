import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewIntegrationSettings } from '../src/directory/integrations/preview-integration-settings.js';
import { updateIntegrationSettings } from '../src/directory/integrations/update-integration-settings.js';
import { runRemapJobs } from '../src/directory/remap/run-remap-jobs.js';
import type { Identity } from '../src/directory/model/identity.js';
import { ids, RosterHarness, testEngines, type IntegrationHandle } from './support/roster-harness.js';
import { AdminClient } from './support/admin-client.js';
import { roster as rosterCli } from './support/spawn-roster.js';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** Nested groups (issue 19 part 2, docs/groups.md), end to end through the real server on both engines. */
describe.each(testEngines)('nested groups on $name', (engine) => {
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
  const attributesOf = async (idp: IntegrationHandle, scimId: string) =>
    (await identityOf(idp, scimId)).attributes;
  const user = async (idp: IntegrationHandle, userName: string) => {
    const response = await roster.request(idp, 'POST', '/Users', { userName });
    expect(response.status, response.text).toBe(201);
    return response.body.id as string;
  };
  const group = async (idp: IntegrationHandle, displayName: string, members: readonly string[] = []) => {
    const response = await roster.request(idp, 'POST', '/Groups', {
      displayName,
      members: members.map((value) => ({ value })),
    });
    expect(response.status, response.text).toBe(201);
    return response.body.id as string;
  };
  const patchMembers = async (
    idp: IntegrationHandle,
    groupId: string,
    op: 'add' | 'remove',
    members: readonly string[],
  ) => {
    const response = await roster.request(idp, 'PATCH', `/Groups/${groupId}`, {
      schemas: [PATCH_OP],
      Operations: [{ op, path: 'members', value: members.map((value) => ({ value })) }],
    });
    expect(response.status, response.text).toBeLessThan(300);
  };

  it('gives a user every group above its own, through three levels, whichever order the links come in', async () => {
    const idp = await roster.createIntegration();
    // Top-down: Company ⊇ Engineering ⊇ Backend ⊇ API, then the user joins API.
    const api = await group(idp, 'API');
    const backend = await group(idp, 'Backend', [api]);
    const engineering = await group(idp, 'Engineering');
    await patchMembers(idp, engineering, 'add', [backend]);
    await group(idp, 'Company', [engineering]);
    const ada = await user(idp, 'ada');
    await patchMembers(idp, api, 'add', [ada]);
    expect(await attributesOf(idp, ada)).toEqual(['API', 'Backend', 'Company', 'Engineering']);

    // Bottom-up: the user is in a group first; groups are put above it afterwards.
    const bob = await user(idp, 'bob');
    const leaf = await group(idp, 'Leaf', [bob]);
    const mid = await group(idp, 'Mid', [leaf]);
    const top = await group(idp, 'Top');
    await patchMembers(idp, top, 'add', [mid]);
    expect(await attributesOf(idp, bob)).toEqual(['Leaf', 'Mid', 'Top']);

    // The SCIM user still lists only the group that lists it (RFC 7643 §4.1.2 `groups` are direct here).
    const shown = await roster.request(idp, 'GET', `/Users/${bob}`);
    expect((shown.body.groups as { value: string }[]).map((g) => g.value)).toEqual([leaf]);
  });

  it('ends on a cycle: every group on it contains every member of the cycle', async () => {
    const idp = await roster.createIntegration();
    const ann = await user(idp, 'ann');
    const ben = await user(idp, 'ben');
    const red = await group(idp, 'Red', [ann]);
    const blue = await group(idp, 'Blue', [ben, red]);
    const green = await group(idp, 'Green', [blue]);
    // Red ⊇ Green closes Red → Green → Blue → Red.
    await patchMembers(idp, red, 'add', [green]);
    expect(await attributesOf(idp, ann)).toEqual(['Blue', 'Green', 'Red']);
    expect(await attributesOf(idp, ben)).toEqual(['Blue', 'Green', 'Red']);

    // Opening the cycle again: Blue ⊇ Red and Green ⊇ Blue remain.
    await patchMembers(idp, red, 'remove', [green]);
    expect(await attributesOf(idp, ann)).toEqual(['Blue', 'Green', 'Red']);
    expect(await attributesOf(idp, ben)).toEqual(['Blue', 'Green']);
    await patchMembers(idp, blue, 'remove', [red]);
    expect(await attributesOf(idp, ann)).toEqual(['Red']);
  });

  it('removing a middle link takes away exactly what came through it', async () => {
    const idp = await roster.createIntegration();
    const only = await user(idp, 'only-through-link');
    const also = await user(idp, 'also-direct');
    const other = await user(idp, 'other-way');
    const backend = await group(idp, 'Backend', [only, also, other]);
    const engineering = await group(idp, 'Engineering', [backend, also]);
    const ops = await group(idp, 'Ops', [other]);
    await group(idp, 'Company', [engineering, ops]);
    expect(await attributesOf(idp, only)).toEqual(['Backend', 'Company', 'Engineering']);
    expect(await attributesOf(idp, other)).toEqual(['Backend', 'Company', 'Engineering', 'Ops']);

    await patchMembers(idp, engineering, 'remove', [backend]);
    expect(await attributesOf(idp, only)).toEqual(['Backend']);
    expect(await attributesOf(idp, also)).toEqual(['Backend', 'Company', 'Engineering']);
    expect(await attributesOf(idp, other)).toEqual(['Backend', 'Company', 'Ops']);
  });

  it('follows a PUT of the members, a rename above and a delete in the middle', async () => {
    const idp = await roster.createIntegration();
    const cy = await user(idp, 'cy');
    const team = await group(idp, 'Team', [cy]);
    const dept = await group(idp, 'Dept', [team]);
    const division = await group(idp, 'Division', [dept]);
    expect(await attributesOf(idp, cy)).toEqual(['Dept', 'Division', 'Team']);

    const renamed = await roster.request(idp, 'PUT', `/Groups/${division}`, {
      displayName: 'Division Two',
      members: [{ value: dept }],
    });
    expect(renamed.status, renamed.text).toBe(200);
    expect(await attributesOf(idp, cy)).toEqual(['Dept', 'Division Two', 'Team']);

    const deleted = await roster.request(idp, 'DELETE', `/Groups/${dept}`);
    expect(deleted.status).toBe(204);
    expect(await attributesOf(idp, cy)).toEqual(['Team']);

    // A PUT that lists the team again restores the chain.
    await roster.request(idp, 'PUT', `/Groups/${division}`, {
      displayName: 'Division Two',
      members: [{ value: team }],
    });
    expect(await attributesOf(idp, cy)).toEqual(['Division Two', 'Team']);
  });

  it('gives directory groups and roles through inherited groups, and takes them away with the link', async () => {
    const idp = await roster.createIntegration();
    const directoryGroup = await roster.store.directoryGroups.ensure(
      { organizationId },
      `Engineers ${ids.newId()}`,
      ids.newId(),
      new Date().toISOString(),
    );
    const role = { id: ids.newId(), organizationId, name: `eng-${ids.newId()}`, permissions: ['deploy'] };
    await roster.store.roles.insert(role, new Date().toISOString());
    await roster.store.directoryGroups.setRoles({ organizationId }, directoryGroup.id, [role.id]);
    await roster.store.directoryGroups.addMapping(
      idp.scope,
      {
        id: ids.newId(),
        integrationId: idp.id,
        matchBy: 'displayName',
        idpGroup: 'engineering',
        directoryGroupId: directoryGroup.id,
        automatic: false,
      },
      new Date().toISOString(),
    );
    const dee = await user(idp, 'dee');
    const backend = await group(idp, 'Backend', [dee]);
    const engineering = await group(idp, 'Engineering', [backend]);
    const identity = await identityOf(idp, dee);
    const permissions = async () =>
      (await roster.store.roles.effectiveRolesOf({ organizationId }, identity.id)).flatMap(
        (r) => r.permissions,
      );
    expect(await roster.store.identities.groupIdsOf({ organizationId }, identity.id)).toContain(
      directoryGroup.id,
    );
    expect(await permissions()).toEqual(['deploy']);

    await patchMembers(idp, engineering, 'remove', [backend]);
    expect(await roster.store.identities.groupIdsOf({ organizationId }, identity.id)).not.toContain(
      directoryGroup.id,
    );
    expect(await permissions()).toEqual([]);
  });

  it('switches between nested and direct with a preview and a remap', async () => {
    const idp = await roster.createIntegration();
    const eve = await user(idp, 'eve');
    const fay = await user(idp, 'fay');
    const leaf = await group(idp, 'Leaf', [eve, fay]);
    await group(idp, 'Root', [leaf]);
    const loner = await user(idp, 'loner');
    await group(idp, 'Alone', [loner]);
    expect(await attributesOf(idp, eve)).toEqual(['Leaf', 'Root']);

    const { preview } = await previewIntegrationSettings(deps(), organizationId, idp.id, {
      groupNesting: 'direct',
    });
    expect(preview).toMatchObject({ total: 3, changed: 2, byField: { attributes: 2 } });
    expect(preview.sample.map((c) => c.after.attributes)).toEqual([['Leaf'], ['Leaf']]);
    expect(await attributesOf(idp, eve)).toEqual(['Leaf', 'Root']);

    await updateIntegrationSettings(deps(), idp.scope, { groupNesting: 'direct' });
    await runRemapJobs(deps(), { owner: 'test', batchSize: 2 });
    expect(await attributesOf(idp, eve)).toEqual(['Leaf']);
    expect(await attributesOf(idp, fay)).toEqual(['Leaf']);

    // Under `direct` the closure is still kept, so switching back is a remap, not a rebuild.
    await updateIntegrationSettings(deps(), idp.scope, { groupNesting: 'nested' });
    await runRemapJobs(deps(), { owner: 'test', batchSize: 2 });
    expect(await attributesOf(idp, fay)).toEqual(['Leaf', 'Root']);
  });

  it('explains, through the admin API and the CLI, the chain to each group and where each attribute came from', async () => {
    const idp = await roster.createIntegration();
    const response = await roster.request(idp, 'POST', '/Users', {
      userName: `gus-${idp.id}`,
      roles: [{ value: 'oncall' }],
    });
    const gus = response.body.id as string;
    const api = await group(idp, 'API', [gus]);
    const backend = await group(idp, 'Backend', [api]);
    const engineering = await group(idp, 'Engineering', [backend]);
    const identity = await identityOf(idp, gus);
    const admin = await AdminClient.installation(roster);
    const answer = await admin.get(`/organizations/${organizationId}/identities/${identity.id}/explanation`);
    expect(answer.status).toBe(200);
    const chains = Object.fromEntries(
      (answer.body.effectiveGroups as { displayName: string; chain: { displayName: string }[] }[]).map(
        (g) => [g.displayName, g.chain.map((link) => link.displayName)],
      ),
    );
    expect(chains).toEqual({
      API: ['API'],
      Backend: ['Backend', 'API'],
      Engineering: ['Engineering', 'Backend', 'API'],
    });
    expect(answer.body.effectiveGroups[2]).toMatchObject({ scimGroupId: engineering, counts: true });
    expect(answer.body.attributes).toEqual([
      {
        attribute: 'API',
        origins: [{ from: 'group', integrationId: idp.id, scimGroupId: api, inherited: false }],
      },
      {
        attribute: 'Backend',
        origins: [{ from: 'group', integrationId: idp.id, scimGroupId: backend, inherited: true }],
      },
      {
        attribute: 'Engineering',
        origins: [{ from: 'group', integrationId: idp.id, scimGroupId: engineering, inherited: true }],
      },
      { attribute: 'oncall', origins: [{ from: 'role', integrationId: idp.id }] },
    ]);

    // The CLI tells the same story (spawned against the same database; slow, so once per engine).
    const env = {
      ROSTER_DATABASE_URL: roster.database.databaseUrl,
      ...roster.database.processEnv,
      ROSTER_LOG_LEVEL: 'warn',
    };
    const { stdout } = await rosterCli(['identity', 'why', identity.id], env);
    expect(stdout).toMatch(/Engineering\s+Engineering > Backend > API\s+yes/);
    expect(stdout).toMatch(/oncall\s+role/);

    // Under `direct` the inherited groups are still shown, marked as not counting.
    await updateIntegrationSettings(deps(), idp.scope, { groupNesting: 'direct' });
    const direct = await admin.get(`/organizations/${organizationId}/identities/${identity.id}/explanation`);
    expect(
      (direct.body.effectiveGroups as { displayName: string; counts: boolean }[]).map((g) => [
        g.displayName,
        g.counts,
      ]),
    ).toEqual([
      ['API', true],
      ['Backend', false],
      ['Engineering', false],
    ]);
  });

  it('tells each identity whose effective groups change with one identity.updated, and no one else', async () => {
    const idp = await roster.createIntegration();
    const admin = await AdminClient.installation(roster);
    const base = `/organizations/${organizationId}`;
    const hal = await user(idp, `hal-${idp.id}`);
    const ivy = await user(idp, `ivy-${idp.id}`);
    const bystander = await user(idp, `joe-${idp.id}`);
    const team = await group(idp, 'Team', [hal, ivy]);
    await group(idp, 'Elsewhere', [bystander]);
    const dept = await group(idp, 'Dept');
    const cursor = (await admin.get(`${base}/events/cursor`)).body.cursor as string;
    await patchMembers(idp, dept, 'add', [team]);
    const events = (await admin.get(`${base}/events?after=${encodeURIComponent(cursor)}&limit=1000`)).body
      .data as {
      type: string;
      changed?: string[];
      resource: { id: string };
      data: { attributes?: string[] };
    }[];
    const updated = events.filter((e) => e.type === 'identity.updated');
    expect(updated.map((e) => e.resource.id).sort()).toEqual(
      [(await identityOf(idp, hal)).id, (await identityOf(idp, ivy)).id].sort(),
    );
    for (const event of updated) {
      expect(event.changed).toContain('attributes');
      expect(event.data.attributes).toEqual(['Dept', 'Team']);
    }
  });

  it('keeps each integration’s hierarchy to itself', async () => {
    const north = await roster.createIntegration();
    const south = await roster.createIntegration();
    const nia = await user(north, 'nia');
    const sam = await user(south, 'sam');
    const northLeaf = await group(north, 'Leaf', [nia]);
    const southLeaf = await group(south, 'Leaf', [sam]);
    await group(north, 'North Root', [northLeaf]);
    // A group of another integration is not a member id this integration knows (400).
    const refused = await roster.request(south, 'POST', '/Groups', {
      displayName: 'South Root',
      members: [{ value: northLeaf }],
    });
    expect(refused.status).toBe(400);
    await group(south, 'South Root', [southLeaf]);
    expect(await attributesOf(north, nia)).toEqual(['Leaf', 'North Root']);
    expect(await attributesOf(south, sam)).toEqual(['Leaf', 'South Root']);
  });
});
