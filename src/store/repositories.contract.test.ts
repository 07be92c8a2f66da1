/**
 * The storage contract (directory/ports.ts) as both engines must keep it: the same calls give the same
 * answers on SQLite and PostgreSQL, names are decided by constraints, and no call reaches another
 * tenant's rows even when it is handed their ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines, type TestDatabase } from '../../test/support/test-engines.js';
import { defaultIntegrationSettings } from '../directory/model/integration-settings.js';
import type { Identity, IdentitySource } from '../directory/model/identity.js';
import type { StoredResource } from '../directory/model/scim-resource.js';
import type { IntegrationScope } from '../directory/model/scope.js';
import type { DirectoryStore } from '../directory/ports/directory-store.js';
import { directoryStore } from './directory-store.js';
import { migrateToLatest } from './migrate.js';

const NOW = '2026-12-01T00:00:00.000Z';
const LATER = '2026-12-01T00:00:09.000Z';
let next = 0;
const newId = () => `00000000-0000-7000-8000-${String(++next).padStart(12, '0')}`;

describe.each(testEngines)('the repositories on $name', (engine) => {
  let database: TestDatabase;
  let store: DirectoryStore;
  let north: IntegrationScope;
  let south: IntegrationScope;

  const organization = async (name: string) =>
    (await store.organizations.ensure({ id: newId(), name, createdAt: NOW })).id;
  const integration = async (organizationId: string, name: string): Promise<IntegrationScope> => {
    const id = newId();
    await store.integrations.insert(
      {
        id,
        organizationId,
        name,
        idp: 'generic',
        createdAt: NOW,
        tokenCreatedAt: null,
        tokenExpiresAt: null,
        pausedAt: null,
      },
      'hash',
      defaultIntegrationSettings,
    );
    return { organizationId, integrationId: id };
  };
  const identity = (
    organizationId: string,
    name: string,
    status: Identity['status'] = 'active',
  ): Identity => ({
    id: newId(),
    organizationId,
    name,
    status,
    signInExternalId: null,
    authPolicyId: null,
    attributes: [],
    profile: {},
    sourceIntegrationId: null,
    scimResourceId: null,
    createdAt: NOW,
    updatedAt: NOW,
    lastSyncedAt: null,
  });
  const user = (userName: string): StoredResource => ({
    id: newId(),
    resourceType: 'User',
    attributes: { userName },
    version: 1,
    created: NOW,
    lastModified: NOW,
  });
  const source = (
    scope: IntegrationScope,
    of: Identity,
    scimResourceId: string,
    status: Identity['status'],
  ): IdentitySource => ({
    identityId: of.id,
    organizationId: scope.organizationId,
    integrationId: scope.integrationId,
    scimResourceId,
    externalId: `ext-${scimResourceId}`,
    userNameKey: of.name.toLowerCase(),
    status,
    contribution: {
      name: of.name,
      signInExternalId: null,
      authPolicyId: null,
      attributes: [],
      profile: {},
      groupIds: [],
    },
    createdAt: NOW,
    updatedAt: NOW,
  });

  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database.db, database.dialect);
    store = directoryStore(database.db, database.dialect);
    north = await integration(await organization('north'), 'north-idp');
    south = await integration(await organization('south'), 'south-idp');
  });
  afterAll(() => database.dispose());

  it('inserts a SCIM resource once per userName, in any case, and says so without throwing', async () => {
    expect(await store.scimResources.insert(north, user('Ada'), [], 'h1')).toBe(true);
    expect(await store.scimResources.insert(north, user('ADA'), [], 'h2')).toBe(false);
    // The same name in another integration is another user.
    expect(await store.scimResources.insert(south, user('ada'), [], null)).toBe(true);
    const found = await store.scimResources.findByName(north, 'User', 'aDa');
    expect(found).toMatchObject({ resource: { attributes: { userName: 'Ada' } }, createHash: 'h1' });
    // The transaction is still usable after a refused insert (PostgreSQL aborts on an exception).
    await store.transaction(async (tx) => {
      expect(await tx.scimResources.insert(north, user('ada'), [], null)).toBe(false);
      expect(await tx.scimResources.insert(north, user('grace'), [], null)).toBe(true);
    });
  });

  it('indexes a new user’s emails with it, and a refused insert leaves no email rows', async () => {
    const emailRows = (resourceId: string) =>
      database.db
        .selectFrom('scim_emails')
        .select(['position', 'value_key', 'type_key'])
        .where('resource_id', '=', resourceId)
        .orderBy('position')
        .execute();
    const withEmails = (userName: string): StoredResource => {
      const base = user(userName);
      return {
        ...base,
        attributes: {
          ...base.attributes,
          emails: [
            { value: `${userName}@Work.example`, type: 'Work' },
            { value: `${userName}@home.example` },
          ],
        },
      };
    };
    const hopper = withEmails('Hopper');
    expect(await store.scimResources.insert(north, hopper, [], null)).toBe(true);
    expect(await emailRows(hopper.id)).toEqual([
      { position: 0, value_key: 'hopper@work.example', type_key: 'work' },
      { position: 1, value_key: 'hopper@home.example', type_key: null },
    ]);
    const taken = withEmails('HOPPER');
    const next = withEmails('Lovelace');
    await store.transaction(async (tx) => {
      expect(await tx.scimResources.insert(north, taken, [], null)).toBe(false);
      // Still usable after the refusal (PostgreSQL aborts a transaction on an exception).
      expect(await tx.scimResources.insert(north, next, [], null)).toBe(true);
    });
    expect(await emailRows(taken.id)).toEqual([]);
    expect(await emailRows(next.id)).toHaveLength(2);
  });

  it('reads a user with its groups in one call, like findById and groupsOf, and only in its integration', async () => {
    const member = user('member');
    const loner = user('loner');
    await store.scimResources.insert(north, member, [], null);
    await store.scimResources.insert(north, loner, [], null);
    const group = (displayName: string): StoredResource => ({
      ...user(displayName),
      resourceType: 'Group',
      attributes: { displayName },
    });
    const [b, a] = [group('Beta'), group('Alpha')];
    await store.scimResources.insert(north, b, [{ id: member.id, type: 'User' }], null);
    await store.scimResources.insert(north, a, [{ id: member.id, type: 'User' }], null);

    const found = await store.scimResources.findUserWithGroups(north, member.id);
    expect(found?.user).toEqual(await store.scimResources.findById(north, 'User', member.id));
    expect(found?.groups).toEqual(await store.scimResources.groupsOf(north, member.id));
    expect(found?.groups.map((g) => g.displayName).sort()).toEqual(['Alpha', 'Beta']);
    expect(await store.scimResources.findUserWithGroups(north, loner.id)).toEqual({
      user: await store.scimResources.findById(north, 'User', loner.id),
      groups: [],
    });
    // A group is not a user, and another integration's id finds nothing.
    expect(await store.scimResources.findUserWithGroups(north, a.id)).toBeUndefined();
    expect(await store.scimResources.findUserWithGroups(south, member.id)).toBeUndefined();
  });

  it('reads the credential with a user in one call, the same as findCredential and findUserWithGroups, and only the integration’s own user', async () => {
    const member = user('read-ahead member');
    await store.scimResources.insert(north, member, [], null);
    const group: StoredResource = {
      ...user('Gamma'),
      resourceType: 'Group',
      attributes: { displayName: 'Gamma' },
    };
    await store.scimResources.insert(north, group, [{ id: member.id, type: 'User' }], null);

    const withUser = await store.integrations.findCredentialWithUser(north.integrationId, { id: member.id });
    expect(withUser).toEqual({
      credential: await store.integrations.findCredential(north.integrationId),
      user: await store.scimResources.findUserWithGroups(north, member.id),
    });
    expect(withUser?.user?.groups.map((g) => g.displayName)).toEqual(['Gamma']);
    // Another integration's user (same organization or not), a group, or no such id: the credential alone.
    const sibling = await integration(north.organizationId, 'north-sibling-idp');
    for (const [scope, id] of [
      [sibling, member.id],
      [south, member.id],
      [north, group.id],
      [north, newId()],
    ] as const) {
      expect(await store.integrations.findCredentialWithUser(scope.integrationId, { id })).toEqual({
        credential: await store.integrations.findCredential(scope.integrationId),
        user: undefined,
      });
    }
    expect(await store.integrations.findCredentialWithUser(newId(), { id: member.id })).toBeUndefined();
  });

  it('reports the exact total of an unfiltered list from the counters, through creates, deletes and concurrency', async () => {
    const org = await organization('counted');
    const scope = await integration(org, 'counted-idp');
    const other = await integration(org, 'other-idp');
    const total = async (at = scope, offset = 0) =>
      (
        await store.scimResources.list(at, 'User', {
          filter: undefined,
          baseUrl: 'http://x',
          sort: undefined,
          page: { kind: 'offset', offset, limit: 2 },
          withTotal: true,
        })
      ).totalResults;
    expect(await total()).toBe(0);
    const users = Array.from({ length: 12 }, (_, i) => user(`counted-${i}`));
    // Concurrent inserts (separate transactions, several connections on PostgreSQL) all count.
    await Promise.all(
      users.map((u) => store.transaction((tx) => tx.scimResources.insert(scope, u, [], null))),
    );
    await store.scimResources.insert(other, user('elsewhere'), [], null);
    expect(await total()).toBe(12);
    expect(await total(other)).toBe(1);
    // A refused duplicate writes nothing, so counts nothing.
    expect(await store.scimResources.insert(scope, user('COUNTED-0'), [], null)).toBe(false);
    await Promise.all(users.slice(0, 5).map((u) => store.scimResources.delete(scope, 'User', u.id)));
    expect(await total()).toBe(7);
    // An empty page past the end still knows the total.
    expect(
      (
        await store.scimResources.list(scope, 'User', {
          filter: undefined,
          baseUrl: 'http://x',
          sort: undefined,
          page: { kind: 'offset', offset: 50, limit: 2 },
          withTotal: true,
        })
      ).totalResults,
    ).toBe(7);
    // Deleting the integration cascades to its resources and its counters without failing.
    expect(await store.integrations.delete(scope)).toBe(true);
    expect(await total()).toBe(0);
    expect(await total(other)).toBe(1);
    // Another organization's scope over this integration sees no total (past the end, the counters answer).
    expect(await total(other, 50)).toBe(1);
    expect(await total({ ...other, organizationId: north.organizationId }, 50)).toBe(0);
  });

  it('keeps identity names unique among identities that are not deleted, and releases a deleted one', async () => {
    const first = identity(north.organizationId, 'Released');
    expect(await store.identities.insert(first)).toBe(true);
    expect(await store.identities.insert(identity(north.organizationId, 'released'))).toBe(false);
    expect(await store.identities.insert(identity(south.organizationId, 'released'))).toBe(true);
    expect([...(await store.identities.nameHolders(north, ['released']))]).toEqual([['released', first.id]]);
    await store.identities.update({ ...first, status: 'deleted' });
    expect((await store.identities.nameHolders(north, ['released'])).size).toBe(0);
    const second = identity(north.organizationId, 'RELEASED');
    expect(await store.identities.insert(second)).toBe(true);
    // The deleted one cannot come back under the name while another holds it.
    await expect(store.identities.update({ ...first, status: 'active' })).rejects.toMatchObject({
      code: 'uniqueness',
    });
  });

  it('rewrites an identity to exactly the groups it is given, keeps each first-seen name, and updates one that keeps its name', async () => {
    const person = identity(north.organizationId, 'Grouped');
    await store.identities.insert(person);
    const [a, b, c] = await Promise.all(
      ['Group A', 'Group B', 'Group C'].map((name) =>
        store.directoryGroups.ensure(north, name, newId(), NOW),
      ),
    );
    const groupsNow = () => store.identities.groupIdsOf(north, person.id);
    const sorted = (...ids: string[]) => [...ids].sort();
    await store.identities.setGroups(north, person.id, [a!.id, b!.id, a!.id]);
    expect(await groupsNow()).toEqual(sorted(a!.id, b!.id));
    await store.identities.setGroups(north, person.id, [b!.id, c!.id]);
    expect(await groupsNow()).toEqual(sorted(b!.id, c!.id));
    await store.identities.setGroups(north, person.id, []);
    expect(await groupsNow()).toEqual([]);

    await store.identities.recordFirstSeenGroupNames(north, [
      { identityId: person.id, scimGroupId: 'g1', name: 'First "one"' },
      { identityId: person.id, scimGroupId: 'g2', name: 'Zwei ✓' },
      { identityId: person.id, scimGroupId: 'g1', name: 'Seen later in the same batch' },
    ]);
    await store.identities.recordFirstSeenGroupNames(north, [
      { identityId: person.id, scimGroupId: 'g2', name: 'Renamed since' },
    ]);
    await store.identities.recordFirstSeenGroupNames(north, []);
    const own = await integration(north.organizationId, 'grouped-idp');
    await store.identities.saveSource(source(own, person, 'scim-grouped', 'active'));
    const names = (await store.syncInputs.of(own, ['scim-grouped'], { nested: false })).firstSeenNames;
    expect(names.get(person.id)?.get('g2')).toBe('Zwei ✓');
    expect(['First "one"', 'Seen later in the same batch']).toContain(names.get(person.id)?.get('g1'));

    // Same name in another case, other fields changed: written, the name's key untouched; inside a
    // transaction (where PostgreSQL sends these without waiting) with the groups after it.
    await store.transaction(async (tx) => {
      await tx.identities.update(
        { ...person, name: 'GROUPED', signInExternalId: 'grouped@example.com', updatedAt: LATER },
        { keepsName: true },
      );
      await tx.identities.setGroups(north, person.id, [c!.id]);
      await tx.identities.recordFirstSeenGroupNames(north, [
        { identityId: person.id, scimGroupId: 'g3', name: 'Drei' },
      ]);
    });
    expect(await groupsNow()).toEqual([c!.id]);
    expect(await store.identities.findById(north, person.id)).toMatchObject({
      name: 'GROUPED',
      signInExternalId: 'grouped@example.com',
      updatedAt: LATER,
    });
    expect([...(await store.identities.nameHolders(north, ['grouped']))]).toEqual([['grouped', person.id]]);
  });

  it('links sources to identities, finds them by SCIM user, and re-link candidates only when deleted', async () => {
    const person = identity(north.organizationId, 'Linked');
    await store.identities.insert(person);
    const own = source(north, person, 'scim-linked', 'active');
    await store.identities.saveSource(own);
    expect((await store.identities.findBySource(north, 'scim-linked'))?.id).toBe(person.id);
    expect(await store.identities.linkedSources(north, ['scim-linked'])).toEqual([own]);
    const read = await store.syncInputs.of(north, ['scim-linked'], { nested: false });
    expect(read.sources).toEqual([own]);
    expect(read.identities).toEqual([await store.identities.findById(north, person.id)]);
    expect(await store.identities.findRelinkable(north, { externalId: 'ext-scim-linked' })).toBeUndefined();
    await store.identities.saveSource({ ...own, status: 'deleted', updatedAt: '2026-12-02T00:00:00.000Z' });
    expect(await store.identities.findRelinkable(north, { externalId: 'ext-scim-linked' })).toMatchObject({
      identityId: person.id,
    });
    expect(await store.identities.findRelinkable(north, { userNameKey: 'linked' })).toMatchObject({
      identityId: person.id,
    });
    // A deleted link is history: a remap does not count it.
    expect(await store.identities.countSources(north)).toBe(0);
  });

  it('reaches no other tenant: reads, group links and first-seen names handed a foreign id do nothing', async () => {
    const mine = identity(north.organizationId, 'Mine');
    const theirs = identity(south.organizationId, 'Theirs');
    await store.identities.insert(mine);
    await store.identities.insert(theirs);
    await store.identities.saveSource(source(south, theirs, 'scim-theirs', 'active'));
    const theirGroup = await store.directoryGroups.ensure(south, 'Their group', newId(), NOW);
    const myGroup = await store.directoryGroups.ensure(north, 'My group', newId(), NOW);

    expect(await store.identities.findById(north, theirs.id)).toBeUndefined();
    expect(await store.identities.findByIds(north, [theirs.id, mine.id])).toEqual([mine]);
    expect(
      await store.identities.findBySource({ ...north, integrationId: south.integrationId }, 'scim-theirs'),
    ).toBeUndefined();
    expect(
      await store.identities.linkedSources({ ...north, integrationId: south.integrationId }, ['scim-theirs']),
    ).toEqual([]);
    expect(
      await store.syncInputs.of({ ...north, integrationId: south.integrationId }, ['scim-theirs'], {
        nested: true,
      }),
    ).toMatchObject({ sources: [], identities: [], firstSeenNames: new Map(), mappingCandidates: [] });

    await store.identities.setGroups(north, mine.id, [myGroup.id, theirGroup.id]);
    expect(await store.identities.groupIdsOf(north, mine.id)).toEqual([myGroup.id]);
    await store.identities.setGroups(north, theirs.id, [myGroup.id]);
    expect(await store.identities.groupIdsOf(south, theirs.id)).toEqual([]);

    await store.identities.recordFirstSeenGroupNames(north, [
      { identityId: mine.id, scimGroupId: 'g', name: 'Mine' },
      { identityId: theirs.id, scimGroupId: 'g', name: 'Written across tenants' },
    ]);
    await store.identities.saveSource(source(north, mine, 'scim-mine', 'active'));
    const names = async (scope: IntegrationScope, scimId: string) =>
      (await store.syncInputs.of(scope, [scimId], { nested: false })).firstSeenNames;
    expect((await names(north, 'scim-mine')).get(mine.id)?.get('g')).toBe('Mine');
    expect((await names(south, 'scim-theirs')).size).toBe(0);
    expect(await store.identities.delete(north, theirs.id)).toBe(false);

    // Group mappings and group roles only ever join rows of the same organization.
    const mapping = {
      id: newId(),
      integrationId: north.integrationId,
      matchBy: 'id' as const,
      idpGroup: 'scim-x',
      directoryGroupId: theirGroup.id,
      automatic: false,
    };
    expect(await store.directoryGroups.addMapping(north, mapping, NOW)).toBe(false);
    expect(
      await store.directoryGroups.addMapping(
        { ...south, integrationId: north.integrationId },
        { ...mapping, id: newId() },
        NOW,
      ),
    ).toBe(false);
    expect(await store.directoryGroups.mappings(north)).toEqual([]);
    const theirRole = {
      id: newId(),
      organizationId: south.organizationId,
      name: 'their-role',
      permissions: [],
    };
    const myRole = { id: newId(), organizationId: north.organizationId, name: 'my-role', permissions: [] };
    await store.roles.insert(theirRole, NOW);
    await store.roles.insert(myRole, NOW);
    await store.directoryGroups.setRoles(north, myGroup.id, [myRole.id, theirRole.id]);
    expect(await store.directoryGroups.roleIdsOf(north, myGroup.id)).toEqual([myRole.id]);
    await store.directoryGroups.setRoles(north, theirGroup.id, [myRole.id]);
    expect(await store.directoryGroups.roleIdsOf(south, theirGroup.id)).toEqual([]);
    expect(await store.roles.findById(north, theirRole.id)).toBeUndefined();

    // Integrations and remap jobs of another organization are not found by id.
    expect(await store.integrations.findById(north, south.integrationId)).toBeUndefined();
    expect(
      await store.integrations.settings({ ...north, integrationId: south.integrationId }),
    ).toBeUndefined();
    expect(await store.integrations.delete({ ...north, integrationId: south.integrationId })).toBe(false);
    const job = {
      id: newId(),
      organizationId: south.organizationId,
      integrationId: south.integrationId,
      status: 'pending' as const,
      total: 0,
      processed: 0,
      changed: 0,
      collisions: 0,
      position: null,
      error: null,
      createdAt: NOW,
      updatedAt: NOW,
    };
    await store.remapJobs.insert(job);
    expect(await store.remapJobs.findById(north, job.id)).toBeUndefined();
    expect(await store.remapJobs.findById(south, job.id)).toMatchObject({ id: job.id });
    expect(
      await store.remapJobs.listForIntegration({ ...north, integrationId: south.integrationId }),
    ).toEqual([]);
  });

  it('finds mapping candidates by SCIM id or by displayName in any case, only in the integration', async () => {
    const group = await store.directoryGroups.ensure(north, 'Mapped', newId(), NOW);
    await store.directoryGroups.addMapping(
      north,
      {
        id: newId(),
        integrationId: north.integrationId,
        matchBy: 'displayName',
        idpGroup: 'Engineering',
        directoryGroupId: group.id,
        automatic: false,
      },
      NOW,
    );
    await store.directoryGroups.addMapping(
      north,
      {
        id: newId(),
        integrationId: north.integrationId,
        matchBy: 'id',
        idpGroup: 'scim-eng',
        directoryGroupId: group.id,
        automatic: true,
      },
      NOW,
    );
    const candidates = await store.directoryGroups.mappingCandidates(north, [
      { scimGroupId: 'scim-eng', displayName: 'ENGINEERING' },
    ]);
    expect(candidates.map((m) => m.matchBy).sort()).toEqual(['displayName', 'id']);
    expect(
      await store.directoryGroups.mappingCandidates(south, [
        { scimGroupId: 'scim-eng', displayName: 'engineering' },
      ]),
    ).toEqual([]);
    expect(await store.directoryGroups.mappingCandidates(north, [])).toEqual([]);
  });

  it('reads what a batch of users syncs from in one call: groups, inherited groups, mappings, sources, names', async () => {
    const scope = await integration(north.organizationId, 'north-sync');
    const older = await integration(north.organizationId, 'north-older');
    const [ada, bob, alone] = [user('sync-ada'), user('sync-bob'), user('sync-alone')];
    for (const u of [ada, bob, alone]) await store.scimResources.insert(scope, u, [], null);
    const group = (displayName: string, members: StoredResource[]) => ({
      resource: { ...user(displayName), resourceType: 'Group' as const, attributes: { displayName } },
      members: members.map((m) => ({ id: m.id, type: m.resourceType })),
    });
    const elan = group('Élan', [ada]);
    const beta = group('Beta', [ada, bob]);
    const parent = group('Parent', [elan.resource]);
    for (const g of [elan, beta, parent])
      await store.scimResources.insert(scope, g.resource, g.members, null);
    await store.groupHierarchy.insertPairs(scope, [
      { ancestorId: parent.resource.id, descendantId: elan.resource.id },
    ]);
    const directoryGroup = await store.directoryGroups.ensure(scope, 'Mapped', newId(), NOW);
    const mapping = (matchBy: 'id' | 'displayName', idpGroup: string) => ({
      id: newId(),
      integrationId: scope.integrationId,
      matchBy,
      idpGroup,
      directoryGroupId: directoryGroup.id,
      automatic: false,
    });
    const byName = mapping('displayName', 'élan');
    const byId = mapping('id', beta.resource.id);
    const unrelated = mapping('displayName', 'nobody');
    for (const m of [byName, byId, unrelated]) await store.directoryGroups.addMapping(scope, m, NOW);
    const person = identity(north.organizationId, 'Sync Ada');
    await store.identities.insert(person);
    const own = { ...source(scope, person, ada.id, 'active'), createdAt: '2026-12-01T00:00:02.000Z' };
    const first = { ...source(older, person, 'older-ada', 'active'), createdAt: '2026-12-01T00:00:01.000Z' };
    await store.identities.saveSource(own);
    await store.identities.saveSource(first);
    await store.identities.recordFirstSeenGroupNames(north, [
      { identityId: person.id, scimGroupId: elan.resource.id, name: 'Elan at first' },
    ]);

    const read = await store.syncInputs.of(scope, [ada.id, bob.id, alone.id], { nested: true });
    const byDisplayName = (list: readonly { displayName: string }[] | undefined) =>
      list?.map((g) => g.displayName);
    const sortedIds = (...ids: string[]) => [...ids].sort();
    expect(read.groups.get(ada.id)?.direct.map((g) => g.id)).toEqual(
      sortedIds(elan.resource.id, beta.resource.id),
    );
    expect(byDisplayName(read.groups.get(ada.id)?.inherited)).toEqual(['Parent']);
    expect(byDisplayName(read.groups.get(bob.id)?.direct)).toEqual(['Beta']);
    expect(read.groups.has(alone.id)).toBe(false);
    expect(read.mappingCandidates.map((m) => m.id).sort()).toEqual(sortedIds(byName.id, byId.id));
    expect(read.sources).toEqual([first, own]);
    expect(read.identities).toEqual([await store.identities.findById(north, person.id)]);
    expect(read.firstSeenNames.get(person.id)).toEqual(new Map([[elan.resource.id, 'Elan at first']]));
    // One user takes the prepared statement; without nesting nothing is inherited.
    const single = await store.syncInputs.of(scope, [ada.id], { nested: false });
    expect(single.groups.get(ada.id)).toEqual({ ...read.groups.get(ada.id), inherited: [] });
    expect(single.sources).toEqual(read.sources);
    // Another integration's scope reads none of it.
    const elsewhere = await store.syncInputs.of(older, [ada.id, bob.id], { nested: true });
    expect(elsewhere).toEqual({
      groups: new Map(),
      sources: [],
      identities: [],
      firstSeenNames: new Map(),
      mappingCandidates: [],
    });
  });

  it('keeps organization settings per organization, every default when none were saved', async () => {
    expect(await store.organizations.settings(south)).toEqual({ identityCollisions: 'reject' });
    await store.organizations.saveSettings(north, { identityCollisions: 'link' });
    expect(await store.organizations.settings(north)).toEqual({ identityCollisions: 'link' });
    expect(await store.organizations.settings(south)).toEqual({ identityCollisions: 'reject' });
  });
});
