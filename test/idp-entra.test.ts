/**
 * Microsoft Entra ID provisioning, replayed through the HTTP server.
 *
 * Documentation followed:
 * - "Tutorial: Develop and plan provisioning for a SCIM endpoint in Microsoft Entra ID",
 *   https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups
 *   (its request/response examples: Create User, Get User, Get User by query, zero results, Update User
 *   multi- and single-valued, Disable User, Delete User, Create Group, Get Group, Get Group by
 *   displayName, Update Group, Add/Remove Members, Delete Group; "Test Connection"; examples 1–6 of
 *   "Handling provisioning and deprovisioning of users", including the manager check and update).
 * - "Known issues and resolutions with SCIM 2.0 protocol compliance of the Microsoft Entra user
 *   provisioning service",
 *   https://learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
 *   (each PATCH as sent without and with the aadOptscim062020 flag).
 * - Microsoft Q&A "Azure AD SCIM attempting to create the same user repeatedly" (answers must come within
 *   60 s; after a create that timed out Entra POSTs the same user again).
 *
 * Steps, as Entra sends them → what it expects back:
 *  1. Test Connection: GET /Users?filter=userName eq "<random GUID>" (and a random group)
 *     → 200 with an empty ListResponse.
 *  2. Match: GET /Users?filter=userName eq / externalId eq / emails[type eq "work"].value eq → ListResponse.
 *  3. Create: POST /Users with core + enterprise schemas → 201 with id; a timed-out create is POSTed again.
 *  4. Update: PATCH with `Replace`/`Add` (capitalised), path-less Replace with dotted and URN keys,
 *     filtered writes to a mobile number that does not exist yet, manager as a bare id and removed by path.
 *  5. Groups: GET /Groups?excludedAttributes=members&filter=displayName eq → POST /Groups → PATCH
 *     displayName → PATCH Add members → PATCH Remove members (legacy value list, then the flagged
 *     `members[value eq "…"]`) → 204 or 200 each; displayName unique.
 *  6. Deactivate (unassign / soft delete): PATCH Replace active "False" → the user stays readable.
 *  7. Reactivate: PATCH Replace active "True".
 *  8. Delete after the 30-day soft-delete window: DELETE /Users/{id} and /Groups/{id} → 204, then 404.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterHarness, testEngines } from './support/roster-harness.js';
import {
  ENTERPRISE,
  expectListResponse,
  expectScimError,
  GROUP_SCHEMA,
  IdpClient,
  memberIds,
  patchOp,
  query,
  sendWithoutUserAgent,
  USER_SCHEMA,
} from './support/idp-replay.js';

const userName = 'Test_User_00aa00aa-bb11-cc22-dd33-44ee44ee44ee';
const workEmail = 'Test_User_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com';
const externalId = '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef';

// The tutorial's "Create User" request, verbatim apart from the ids.
const createUserBody = {
  schemas: [USER_SCHEMA, ENTERPRISE],
  externalId,
  userName,
  active: true,
  emails: [{ primary: true, type: 'work', value: workEmail }],
  meta: { resourceType: 'User' },
  name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
  roles: [],
};

describe.each(testEngines)('Microsoft Entra ID provisioning lifecycle on $name', (engine) => {
  let roster: RosterHarness;
  let entra: IdpClient;
  let userId: string;
  let managerId: string;
  let groupId: string;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    entra = new IdpClient(roster, await roster.createIntegration('entra'));
  });
  afterAll(() => roster.close());

  const user = async () => (await entra.send('GET', `/Users/${userId}`)).body;

  it('Test Connection: a filter for a random non-existent user and group gives 200 and an empty ListResponse', async () => {
    const users = await entra.send('GET', `/Users${query(`userName eq "${randomUUID()}"`)}`);
    expect(expectListResponse(users, 0)).toEqual([]);
    expect(users.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    const groups = await entra.send(
      'GET',
      `/Groups${query(`displayName eq "${randomUUID()}"`, { excludedAttributes: 'members' })}`,
    );
    expect(expectListResponse(groups, 0)).toEqual([]);
  });

  it('matches before creating: userName eq, externalId eq and the work email find nobody yet', async () => {
    for (const filter of [
      `userName eq "${userName}"`,
      `externalId eq "${externalId}"`,
      `emails[type eq "work"].value eq "${workEmail}"`,
    ]) {
      expectListResponse(await entra.send('GET', `/Users${query(filter)}`), 0);
    }
  });

  it('creates the user with POST /Users (core and enterprise schemas, meta, empty roles) → 201', async () => {
    const created = await entra.send('POST', '/Users', createUserBody);
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      externalId,
      userName,
      active: true,
      emails: [{ value: workEmail, type: 'work', primary: true }],
      name: { familyName: 'familyName', givenName: 'givenName' },
    });
    userId = created.body.id as string;
    expect(typeof userId).toBe('string');
  });

  it('finds the user by id, userName eq, externalId eq, work email, and an `and` of two', async () => {
    expect((await entra.send('GET', `/Users/${userId}`)).body.userName).toBe(userName);
    for (const filter of [
      `userName eq "${userName}"`,
      `userName eq "${userName.toUpperCase()}"`,
      `externalId eq "${externalId}"`,
      `emails[type eq "work"].value eq "${workEmail}"`,
      `userName eq "${userName}" and externalId eq "${externalId}"`,
    ]) {
      const found = expectListResponse(await entra.send('GET', `/Users${query(filter)}`), 1);
      expect(found[0]?.id, filter).toBe(userId);
    }
  });

  it('a POST repeated after a timed-out create answers with the same user, not a duplicate or an error', async () => {
    // Entra re-sends the identical POST; a 409 here leaves the user stuck in "create" (Microsoft Q&A).
    const again = await entra.send('POST', '/Users', createUserBody);
    expect([200, 201], again.text).toContain(again.status);
    expect(again.body.id).toBe(userId);
    expectListResponse(await entra.send('GET', `/Users${query(`userName eq "${userName}"`)}`), 1);
  });

  it('updates with capitalised `Replace` ops on filtered and dotted paths (Update User examples)', async () => {
    const updated = await entra.send(
      'PATCH',
      `/Users/${userId}`,
      patchOp(
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
        { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
      ),
    );
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body).toMatchObject({
      id: userId,
      name: { familyName: 'updatedFamilyName', givenName: 'givenName' },
      emails: [{ value: 'updatedEmail@microsoft.com', type: 'work', primary: true }],
    });
  });

  it('`Add` of a single-valued string, capitalised without the flag and lower-case with it', async () => {
    for (const op of ['Add', 'add']) {
      const nickName = `Babs-${op}`;
      const response = await entra.send(
        'PATCH',
        `/Users/${userId}`,
        patchOp({ op, path: 'nickName', value: nickName }),
      );
      expect(response.status, response.text).toBe(200);
      expect((await user()).nickName).toBe(nickName);
    }
  });

  it('replaces several attributes one path each without the flag, including externalId and a URN path', async () => {
    const response = await entra.send(
      'PATCH',
      `/Users/${userId}`,
      patchOp(
        { op: 'Replace', path: 'displayName', value: 'Pvlo' },
        { op: 'Replace', path: 'emails[type eq "work"].value', value: 'TestBcwqnm@test.microsoft.com' },
        { op: 'Replace', path: 'name.givenName', value: 'Gtfd' },
        { op: 'Replace', path: 'name.familyName', value: 'Pkqf' },
        { op: 'Replace', path: 'externalId', value: 'Eqpj' },
        { op: 'Replace', path: `${ENTERPRISE}:employeeNumber`, value: 'Eqpj' },
      ),
    );
    expect(response.status, response.text).toBe(200);
    expect(await user()).toMatchObject({
      displayName: 'Pvlo',
      externalId: 'Eqpj',
      name: { givenName: 'Gtfd', familyName: 'Pkqf' },
      emails: [{ value: 'TestBcwqnm@test.microsoft.com', type: 'work' }],
      [ENTERPRISE]: { employeeNumber: 'Eqpj' },
    });
  });

  it('path-less Replace with dotted (name.givenName) and URN-qualified (enterprise employeeNumber) keys', async () => {
    const response = await entra.send(
      'PATCH',
      `/Users/${userId}`,
      patchOp(
        { op: 'replace', path: 'emails[type eq "work"].value', value: 'TestMhvaes@test.microsoft.com' },
        {
          op: 'replace',
          value: {
            displayName: 'Bjfe',
            'name.givenName': 'Kkom',
            'name.familyName': 'Unua',
            [`${ENTERPRISE}:employeeNumber`]: 'Aklq',
          },
        },
      ),
    );
    expect(response.status, response.text).toBe(200);
    const read = await user();
    expect(read).toMatchObject({
      displayName: 'Bjfe',
      name: { givenName: 'Kkom', familyName: 'Unua' },
      emails: [{ value: 'TestMhvaes@test.microsoft.com', type: 'work' }],
      [ENTERPRISE]: { employeeNumber: 'Aklq' },
    });
    // The keys are paths, not attribute names: nothing is stored under a dotted or URN-qualified name.
    for (const path of ['name.givenName', 'name.familyName', `${ENTERPRISE}:employeeNumber`]) {
      expect(Object.keys(read)).not.toContain(path);
    }
  });

  it('a filtered Add to phoneNumbers[type eq "mobile"].value creates the mobile number, stored as sent', async () => {
    const response = await entra.send(
      'PATCH',
      `/Users/${userId}`,
      patchOp({ op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '55555555555' }),
    );
    expect(response.status, response.text).toBe(200);
    expect((await user()).phoneNumbers).toEqual([{ type: 'mobile', value: '55555555555' }]);
  });

  it("creates a manager with the tutorial's example 2 body (null for unmapped attributes)", async () => {
    const manager = await entra.send('POST', '/Users', {
      // Enterprise attributes unqualified, and the schema URN with the tutorial's missing colon.
      schemas: [USER_SCHEMA, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0User'],
      externalId: 'jyoung',
      userName: 'jyoung@testuser.com',
      active: true,
      addresses: null,
      displayName: 'Joy Young',
      emails: [{ type: 'work', value: 'jyoung@Contoso.com', primary: true }],
      meta: { resourceType: 'User' },
      name: { familyName: 'Young', givenName: 'Joy' },
      phoneNumbers: null,
      preferredLanguage: null,
      title: null,
      department: null,
      manager: null,
    });
    expect(manager.status, manager.text).toBe(201);
    expect(manager.body).toMatchObject({ userName: 'jyoung@testuser.com', displayName: 'Joy Young' });
    managerId = manager.body.id as string;
  });

  it('manager: set as a bare id string', async () => {
    const set = await entra.send(
      'PATCH',
      `/Users/${userId}`,
      patchOp({ op: 'Add', path: `${ENTERPRISE}:manager`, value: managerId }),
    );
    expect(set.status, set.text).toBe(200);
    expect((await user())[ENTERPRISE]).toMatchObject({ manager: { value: managerId } });
  });

  it('manager: checked before an update with `id eq "…" and manager eq "…"` (example 4)', async () => {
    const check = await entra.send(
      'GET',
      `/Users${query(`id eq "${userId}" and manager eq "${managerId}"`, { attributes: 'id' })}`,
    );
    expect(expectListResponse(check, 1)[0]?.id).toBe(userId);
  });

  it('manager: removed by path', async () => {
    const removed = await entra.send(
      'PATCH',
      `/Users/${userId}`,
      patchOp({ op: 'Remove', path: `${ENTERPRISE}:manager` }),
    );
    expect(removed.status, removed.text).toBe(200);
    expect(((await user())[ENTERPRISE] as Record<string, unknown> | undefined)?.manager).toBeUndefined();
  });

  it('manager: the tutorial\'s `Add` of path "manager" with a [{ $ref, value }] list (example 5)', async () => {
    const response = await entra.send(
      'PATCH',
      `/Users/${userId}`,
      patchOp({
        op: 'Add',
        path: 'manager',
        value: [{ $ref: `http://example.com/scim/Users/${managerId}`, value: managerId }],
      }),
    );
    expect(response.status, response.text).toBe(200);
    expect((await user())[ENTERPRISE]).toMatchObject({ manager: { value: managerId } });
  });

  it('groups: queried by displayName eq with excludedAttributes=members, created with an extra schema URI', async () => {
    expectListResponse(
      await entra.send(
        'GET',
        `/Groups${query('displayName eq "displayName"', { excludedAttributes: 'members' })}`,
      ),
      0,
    );
    const created = await entra.send('POST', '/Groups', {
      schemas: [GROUP_SCHEMA, 'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'displayName',
      meta: { resourceType: 'Group' },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ displayName: 'displayName' });
    groupId = created.body.id as string;

    const byId = await entra.send('GET', `/Groups/${groupId}?excludedAttributes=members`);
    expect(byId.status).toBe(200);
    expect(byId.body).not.toHaveProperty('members');
    const byName = expectListResponse(
      await entra.send(
        'GET',
        `/Groups${query('displayName eq "displayName"', { excludedAttributes: 'members' })}`,
      ),
      1,
    );
    expect(byName[0]).toMatchObject({ id: groupId, externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159' });
    expect(byName[0]).not.toHaveProperty('members');
  });

  it('group displayName is unique: a second group with the same name (other case) gets 409', async () => {
    const clash = await entra.send('POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'DISPLAYNAME',
    });
    expectScimError(clash, 409, 'uniqueness');
  });

  it('group PATCHes (Replace displayName, Add members) answer 204 or 200 without a member list', async () => {
    const renamed = await entra.send(
      'PATCH',
      `/Groups/${groupId}`,
      patchOp({ op: 'Replace', path: 'displayName', value: '1879db59updatedDisplayName' }),
    );
    expect([200, 204], renamed.text).toContain(renamed.status);
    expect(renamed.body).not.toHaveProperty('members');
    const added = await entra.send(
      'PATCH',
      `/Groups/${groupId}`,
      patchOp({
        op: 'Add',
        path: 'members',
        value: [
          { $ref: null, value: userId },
          { $ref: null, value: managerId },
        ],
      }),
    );
    expect([200, 204], added.text).toContain(added.status);
    expect(added.body).not.toHaveProperty('members');
    expect(await memberIds(entra, groupId)).toEqual([userId, managerId].sort());
  });

  it('legacy member removal {"op":"Remove","path":"members","value":[{"value":…}]} removes only those members', async () => {
    const response = await entra.send(
      'PATCH',
      `/Groups/${groupId}`,
      patchOp({ op: 'Remove', path: 'members', value: [{ $ref: null, value: managerId }] }),
    );
    expect([200, 204], response.text).toContain(response.status);
    expect(await memberIds(entra, groupId)).toEqual([userId]);
  });

  it('flagged member removal `remove members[value eq "…"]` with no value', async () => {
    const response = await entra.send(
      'PATCH',
      `/Groups/${groupId}`,
      patchOp({ op: 'remove', path: `members[value eq "${userId}"]` }),
    );
    expect([200, 204], response.text).toContain(response.status);
    expect(await memberIds(entra, groupId)).toEqual([]);
  });

  it('answers requests that carry no User-Agent header', async () => {
    const read = await sendWithoutUserAgent(entra.integration, 'GET', `/Users/${userId}`);
    expect(read.sentHeaders).not.toContain('user-agent');
    expect(read.status).toBe(200);
    const patched = await sendWithoutUserAgent(
      entra.integration,
      'PATCH',
      `/Users/${userId}`,
      patchOp({ op: 'Replace', path: 'title', value: 'Engineer' }),
    );
    expect(patched.status).toBe(200);
    expect(patched.body.title).toBe('Engineer');
  });

  it('soft delete: Replace active "False" (no flag) deactivates, and the user stays readable and findable', async () => {
    const response = await entra.send(
      'PATCH',
      `/Users/${userId}`,
      patchOp({ op: 'Replace', path: 'active', value: 'False' }),
    );
    expect(response.status, response.text).toBe(200);
    expect(response.body.active).toBe(false);
    const read = await entra.send('GET', `/Users/${userId}`);
    expect(read.status).toBe(200);
    expect(read.body.active).toBe(false);
    const found = expectListResponse(
      await entra.send('GET', `/Users${query(`userName eq "${userName}"`)}`),
      1,
    );
    expect(found[0]).toMatchObject({ id: userId, active: false });
  });

  it('reactivation: Replace active "True", and the flagged boolean form', async () => {
    const restored = await entra.send(
      'PATCH',
      `/Users/${userId}`,
      patchOp({ op: 'Replace', path: 'active', value: 'True' }),
    );
    expect(restored.status, restored.text).toBe(200);
    expect(restored.body.active).toBe(true);
    // Disable User, as sent with the aadOptscim062020 flag: a real boolean and a lower-case op.
    const disabled = await entra.send(
      'PATCH',
      `/Users/${userId}`,
      patchOp({ op: 'replace', path: 'active', value: false }),
    );
    expect(disabled.body.active).toBe(false);
    const enabled = await entra.send(
      'PATCH',
      `/Users/${userId}`,
      patchOp({ op: 'replace', path: 'active', value: true }),
    );
    expect(enabled.body.active).toBe(true);
  });

  it('hard delete after the soft-delete window: DELETE /Users/{id} and /Groups/{id} → 204, then 404', async () => {
    await entra.send('PATCH', `/Users/${userId}`, patchOp({ op: 'Replace', path: 'active', value: 'False' }));
    for (const path of [`/Users/${userId}`, `/Groups/${groupId}`]) {
      const deleted = await entra.send('DELETE', path);
      expect(deleted.status, path).toBe(204);
      expect(deleted.text).toBe('');
      expectScimError(await entra.send('GET', path), 404);
    }
    expectListResponse(await entra.send('GET', `/Users${query(`userName eq "${userName}"`)}`), 0);
  });

  it('answered the whole cycle within 60 s per request and without a server error (which quarantines the job)', () => {
    expect(entra.log.length).toBeGreaterThan(30);
    for (const sent of entra.log) {
      expect(sent.status, `${sent.method} ${sent.path}`).toBeLessThan(500);
      expect(sent.elapsedMs, `${sent.method} ${sent.path}`).toBeLessThan(60_000);
    }
  });
});
