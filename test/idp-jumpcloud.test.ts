/**
 * JumpCloud Identity Management (custom SCIM 2.0 integration), replayed through the HTTP server.
 *
 * Documentation followed:
 * - JumpCloud Help, "Identity Management using a Custom SCIM Integration",
 *   https://jumpcloud.com/support/provision-and-manage-users-and-groups-in-apps-using-custom-scim-identity-management-integration :
 *   Test Connection creates a test user and a test group and deletes both (deactivates the user where
 *   DELETE is unsupported); the admin supplies the test user's email; its Directory Insights events
 *   user_lookup_provision ("lookup a user to determine if the user needs to be created or updated"),
 *   user_create_provision, user_update_provision, user_deprovision ("change an existing user to
 *   inactive"), user_delete_provision, group_create/update/delete_provision.
 * - JumpCloud Help, prebuilt connector pages, "Group Management Considerations": empty groups are not
 *   created; JumpCloud takes over an existing app group whose name matches; renaming is supported; a
 *   group disassociated from the app is left as-is and its members are deactivated; managed groups
 *   deleted in JumpCloud are deleted in the app.
 * - Unimoni KB "SSO setup: JumpCloud" (third-party): JumpCloud patches group members in the Azure AD
 *   style, `value: [{ value: uid }]`, without a filter.
 * JumpCloud's pages do not print request bodies or the update method; bodies are RFC 7643 Users and
 * Groups, users are updated with PUT, activation and members with PATCH.
 *
 * Steps, as JumpCloud sends them → what it expects back:
 *  1. Test Connection: lookup, POST test user → 201, POST test group → 201, DELETE both → 204.
 *  2. Each user bound to the app: GET /Users?filter=userName eq "…" → empty → POST /Users → 201.
 *  3. A group bound to the app: GET /Groups?filter=displayName eq "…" → an existing group is taken over
 *     (no POST); a new group is POSTed with its members (never empty).
 *  4. Membership: PATCH add / remove `members` with a value array → only those members change.
 *  5. Rename: PATCH replace displayName. Update: PUT /Users/{id}.
 *  6. Group unbound: left as-is, members deactivated (PATCH active=false); user deprovision likewise;
 *     managed group deleted → DELETE /Groups/{id}; user deleted → DELETE /Users/{id}.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterHarness, testEngines } from './support/roster-harness.js';
import {
  expectListResponse,
  expectScimError,
  GROUP_SCHEMA,
  IdpClient,
  memberIds,
  patchOp,
  query,
  USER_SCHEMA,
} from './support/idp-replay.js';

const jcUser = (userName: string, givenName: string, familyName: string, active = true) => ({
  schemas: [USER_SCHEMA],
  userName,
  name: { givenName, familyName },
  displayName: `${givenName} ${familyName}`,
  emails: [{ value: userName, type: 'work', primary: true }],
  active,
});

describe.each(testEngines)('JumpCloud provisioning lifecycle on $name', (engine) => {
  let roster: RosterHarness;
  let jumpcloud: IdpClient;
  let aliceId: string;
  let bobId: string;
  let engineeringId: string;
  let designId: string;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    const integration = await roster.createIntegration('jumpcloud');
    jumpcloud = new IdpClient(roster, integration, { 'user-agent': 'JumpCloud SCIM Client' });
    // The app already has an "Engineering" group before JumpCloud is connected.
    const existing = await roster.request(integration, 'POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Engineering',
    });
    expect(existing.status, existing.text).toBe(201);
    engineeringId = existing.body.id as string;
  });
  afterAll(() => roster.close());

  const lookupUser = (userName: string) =>
    jumpcloud.send('GET', `/Users${query(`userName eq "${userName}"`)}`);
  const lookupGroup = (displayName: string) =>
    jumpcloud.send('GET', `/Groups${query(`displayName eq "${displayName}"`)}`);

  it('Test Connection: creates then deletes a test user and a test group, leaving nothing behind', async () => {
    expectListResponse(await lookupUser('scim-test@example.com'), 0);
    const user = await jumpcloud.send('POST', '/Users', jcUser('scim-test@example.com', 'JumpCloud', 'Test'));
    expect(user.status, user.text).toBe(201);
    const group = await jumpcloud.send('POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'JumpCloud SCIM Test Group',
    });
    expect(group.status, group.text).toBe(201);

    for (const path of [`/Groups/${group.body.id as string}`, `/Users/${user.body.id as string}`]) {
      expect((await jumpcloud.send('DELETE', path)).status, path).toBe(204);
      expectScimError(await jumpcloud.send('GET', path), 404);
    }
    expectListResponse(await lookupUser('scim-test@example.com'), 0);
    expectListResponse(await lookupGroup('JumpCloud SCIM Test Group'), 0);
  });

  it('a user lookup precedes each create: GET by userName → empty → POST /Users → 201', async () => {
    const ids: string[] = [];
    for (const [userName, given, family] of [
      ['alice@example.com', 'Alice', 'Liddell'],
      ['bob@example.com', 'Bob', 'Builder'],
    ] as const) {
      expectListResponse(await lookupUser(userName), 0);
      const created = await jumpcloud.send('POST', '/Users', jcUser(userName, given, family));
      expect(created.status, created.text).toBe(201);
      ids.push(created.body.id as string);
      expect(expectListResponse(await lookupUser(userName), 1)[0]?.id).toBe(created.body.id);
    }
    [aliceId, bobId] = ids as [string, string];
  });

  it('an existing app group with the same name is found by displayName filter and taken over', async () => {
    const found = expectListResponse(await lookupGroup('Engineering'), 1);
    expect(found[0]?.id).toBe(engineeringId);
    const added = await jumpcloud.send(
      'PATCH',
      `/Groups/${engineeringId}`,
      patchOp({ op: 'add', path: 'members', value: [{ value: aliceId }, { value: bobId }] }),
    );
    expect([200, 204], added.text).toContain(added.status);
    expect(await memberIds(jumpcloud, engineeringId)).toEqual([aliceId, bobId].sort());
    expectListResponse(await lookupGroup('Engineering'), 1);
  });

  it('a new group is created with its members (empty groups are not created)', async () => {
    expectListResponse(await lookupGroup('Design'), 0);
    const created = await jumpcloud.send('POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Design',
      members: [{ value: aliceId, display: 'alice@example.com' }],
    });
    expect(created.status, created.text).toBe(201);
    designId = created.body.id as string;
    expect(await memberIds(jumpcloud, designId)).toEqual([aliceId]);
  });

  it('member removal in the value-array form removes only the listed member', async () => {
    const removed = await jumpcloud.send(
      'PATCH',
      `/Groups/${engineeringId}`,
      patchOp({ op: 'remove', path: 'members', value: [{ value: bobId }] }),
    );
    expect([200, 204], removed.text).toContain(removed.status);
    expect(await memberIds(jumpcloud, engineeringId)).toEqual([aliceId]);
  });

  it('group rename and user update', async () => {
    const renamed = await jumpcloud.send(
      'PATCH',
      `/Groups/${designId}`,
      patchOp({ op: 'replace', path: 'displayName', value: 'Product Design' }),
    );
    expect([200, 204], renamed.text).toContain(renamed.status);
    expect(expectListResponse(await lookupGroup('Product Design'), 1)[0]?.id).toBe(designId);

    const updated = await jumpcloud.send('PUT', `/Users/${bobId}`, {
      ...jcUser('bob@example.com', 'Robert', 'Builder'),
      id: bobId,
    });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body).toMatchObject({ id: bobId, name: { givenName: 'Robert' }, active: true });
  });

  it('a group unbound from the app is left as-is and its members are deactivated', async () => {
    const deactivated = await jumpcloud.send(
      'PATCH',
      `/Users/${aliceId}`,
      patchOp({ op: 'replace', path: 'active', value: false }),
    );
    expect(deactivated.status, deactivated.text).toBe(200);
    expect(deactivated.body.active).toBe(false);
    expect(await memberIds(jumpcloud, designId)).toEqual([aliceId]);
    expect((await jumpcloud.send('GET', `/Users/${aliceId}`)).body).toMatchObject({ active: false });
  });

  it('user deprovision sets active=false; re-binding the user sets it back', async () => {
    const off = await jumpcloud.send(
      'PATCH',
      `/Users/${bobId}`,
      patchOp({ op: 'replace', path: 'active', value: false }),
    );
    expect(off.body.active).toBe(false);
    const found = expectListResponse(await lookupUser('bob@example.com'), 1);
    expect(found[0]).toMatchObject({ id: bobId, active: false });
    const on = await jumpcloud.send(
      'PATCH',
      `/Users/${bobId}`,
      patchOp({ op: 'replace', path: 'active', value: true }),
    );
    expect(on.body.active).toBe(true);
  });

  it('a managed group deleted in JumpCloud is deleted in the app; a deleted user too', async () => {
    for (const path of [`/Groups/${designId}`, `/Users/${bobId}`]) {
      expect((await jumpcloud.send('DELETE', path)).status, path).toBe(204);
      expectScimError(await jumpcloud.send('GET', path), 404);
    }
    expect(await memberIds(jumpcloud, engineeringId)).toEqual([aliceId]);
  });
});
