/**
 * Okta provisioning (custom SCIM 2.0 app), replayed through the HTTP server.
 *
 * Documentation followed:
 * - "Okta and SCIM Version 2.0" (SCIM 2.0 Protocol Reference),
 *   https://developer.okta.com/docs/api/openapi/okta-scim/guides/scim-20 : every request and response
 *   below (Create Users, Retrieve Users, Update a specific User (PUT/PATCH), Delete Users, Create /
 *   Retrieve / Update / Delete Groups, group membership).
 * - "Test your SCIM API" and the Runscope suite it links, "Okta SCIM 2.0 SPEC Test"
 *   (https://developer.okta.com/docs/guides/build-provisioning-integration/test-scim-api/): upper-case
 *   userName lookup, duplicate create, 401 and 404 error bodies, headers it sends.
 * - "Test your SCIM app" CRUD suite (…/test-scim-app/): deactivate, reactivate, re-assign, unassign;
 *   "Okta doesn't delete user profiles".
 *
 * Steps, as Okta sends them → what it expects back:
 *  1. Connection / import: GET /Users?startIndex=1&count=100 and /Groups?… → ListResponse, integer
 *     counters, the same order on every page.
 *  2. Assign: GET /Users?filter=userName eq "…"&startIndex=1&count=100 → empty; POST /Users (with
 *     password, groups: [], externalId) → 201 with the user. A duplicate POST → 409 with the error schema.
 *     The lookup with the userName in upper case finds the user.
 *  3. Profile push: GET /Users/{id} then PUT /Users/{id} with the whole user → 200 with the user.
 *  4. Deactivate: PATCH {"op":"replace","value":{"active":false}} (OIN apps) or PUT with active=false
 *     (custom apps) → 200 with the user (204 allowed for PATCH). Reactivate: the same with true.
 *  5. Re-assign a deactivated user: Okta first looks the user up by userName ("Create Users":
 *     "Determine if the User object exists"), finds the deactivated user (it stays readable) and
 *     reactivates it in place → same id. A POST for it would be a duplicate → 409 (RFC 7644 §3.3).
 *  6. Group push: POST /Groups {displayName, members: []} → 201; rename with a path-less replace of
 *     {id, displayName}; membership as `remove members[value eq …]` + `add members`, or a full `replace`
 *     of members; custom apps PUT the group with its members; unlink-and-delete → DELETE → 204.
 *  7. Okta never DELETEs users: an unassigned user is only deactivated and stays readable.
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

// The headers of the Runscope suite's requests (its POSTs use application/json).
const oktaHeaders = {
  'user-agent': 'Okta SCIM Client 1.0.0',
  accept: 'application/scim+json',
  'accept-charset': 'utf-8',
};

const testUser = (userName: string, externalId: string, givenName = 'Test') => ({
  schemas: [USER_SCHEMA],
  userName,
  name: { givenName, familyName: 'User' },
  emails: [{ primary: true, value: userName, type: 'work' }],
  displayName: `${givenName} User`,
  locale: 'en-US',
  externalId,
  groups: [],
  password: '1mz050nq',
  active: true,
});

describe.each(testEngines)('Okta provisioning lifecycle on $name', (engine) => {
  let roster: RosterHarness;
  let okta: IdpClient;
  let userId: string;
  let secondId: string;
  let groupId: string;
  let userBody: Record<string, unknown>;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    okta = new IdpClient(roster, await roster.createIntegration('okta'), oktaHeaders);
  });
  afterAll(() => roster.close());

  const lookup = (userName: string) =>
    okta.send('GET', `/Users${query(`userName eq "${userName}"`, { startIndex: 1, count: 100 })}`);

  it('looks the user up with filter, startIndex=1 and count=100 before creating: empty ListResponse', async () => {
    expect(expectListResponse(await lookup('test.user@okta.local'), 0)).toEqual([]);
  });

  it('creates the user with POST /Users (password, empty groups, externalId) → 201 with the user', async () => {
    const created = await okta.send(
      'POST',
      '/Users',
      testUser('test.user@okta.local', '00ujl29u0le5T6Aj10h7'),
      {
        'content-type': 'application/json',
      },
    );
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      schemas: expect.arrayContaining([USER_SCHEMA]) as unknown,
      userName: 'test.user@okta.local',
      name: { givenName: 'Test', familyName: 'User' },
      emails: [{ primary: true, value: 'test.user@okta.local', type: 'work' }],
      displayName: 'Test User',
      locale: 'en-US',
      externalId: '00ujl29u0le5T6Aj10h7',
      active: true,
    });
    expect(created.body).not.toHaveProperty('password');
    userId = created.body.id as string;
  });

  it('duplicate POST of the same userName → 409 with the SCIM error schema', async () => {
    const duplicate = await okta.send('POST', '/Users', {
      ...testUser('test.user@okta.local', 'another-okta-id'),
      externalId: undefined,
    });
    expectScimError(duplicate, 409, 'uniqueness');
  });

  it('userName comparison is case-insensitive: the upper-case lookup finds the user', async () => {
    const found = expectListResponse(await lookup('TEST.USER@OKTA.LOCAL'), 1);
    expect(found[0]?.id).toBe(userId);
  });

  it('error bodies for a bad token (401) and an unknown id (404) carry the schema, status and detail', async () => {
    const unauthorised = await okta.send('GET', `/Users${query('userName eq "x"')}`, undefined, {
      authorization: 'non-token',
    });
    expectScimError(unauthorised, 401);
    expectScimError(await okta.send('GET', '/Users/00919288221112222'), 404);
  });

  it('profile push: GET /Users/{id}, then PUT of the whole user → 200 with the updated user', async () => {
    const read = await okta.send('GET', `/Users/${userId}`, undefined, {
      'content-type': 'application/scim+json; charset=utf-8',
    });
    expect(read.status, read.text).toBe(200);
    userBody = { ...read.body, name: { givenName: 'Another', middleName: 'Excited', familyName: 'User' } };
    const put = await okta.send('PUT', `/Users/${userId}`, {
      ...userBody,
      groups: [],
      meta: { resourceType: 'User' },
    });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({
      id: userId,
      userName: 'test.user@okta.local',
      name: { givenName: 'Another', middleName: 'Excited', familyName: 'User' },
      active: true,
    });
  });

  it('deactivates with a path-less {"op":"replace","value":{"active":false}} → 200 with the user', async () => {
    const response = await okta.send(
      'PATCH',
      `/Users/${userId}`,
      patchOp({ op: 'replace', value: { active: false } }),
    );
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({ id: userId, active: false, name: { middleName: 'Excited' } });
  });

  it('reactivates with the same path-less replace of active true', async () => {
    const response = await okta.send(
      'PATCH',
      `/Users/${userId}`,
      patchOp({ op: 'replace', value: { active: true } }),
    );
    expect(response.status, response.text).toBe(200);
    expect(response.body.active).toBe(true);
  });

  it('custom (AIW) apps push everything by PUT, including active=false', async () => {
    const put = await okta.send('PUT', `/Users/${userId}`, { ...userBody, active: false });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({ id: userId, active: false, name: { givenName: 'Another' } });
  });

  it('re-assigning the deactivated user: the lookup finds it, Okta reactivates it in place → same id', async () => {
    const found = expectListResponse(await lookup('test.user@okta.local'), 1);
    expect(found[0]).toMatchObject({ id: userId, active: false });
    const again = await okta.send('PUT', `/Users/${userId}`, {
      ...testUser('test.user@okta.local', '00ujl29u0le5T6Aj10h7', 'Returning'),
      id: userId,
    });
    expect(again.status, again.text).toBe(200);
    expect(again.body).toMatchObject({ id: userId, active: true, name: { givenName: 'Returning' } });
    // A POST for the existing user is a duplicate, deactivated or not.
    const duplicate = await okta.send('POST', '/Users', testUser('test.user@okta.local', 'other-okta-id'));
    expectScimError(duplicate, 409, 'uniqueness');
    expectListResponse(await lookup('test.user@okta.local'), 1);
  });

  it('imports page by page (startIndex += count): integer counters and one stable order', async () => {
    for (let n = 1; n <= 5; n += 1) {
      const created = await okta.send('POST', '/Users', testUser(`page.user${n}@okta.local`, `00upage${n}`));
      expect(created.status, created.text).toBe(201);
      if (n === 1) secondId = created.body.id as string;
    }
    const everything = expectListResponse(await okta.send('GET', '/Users?startIndex=1&count=100'), 6);
    const paged: unknown[] = [];
    for (let startIndex = 1; startIndex <= 6; startIndex += 2) {
      const page = await okta.send('GET', `/Users?startIndex=${startIndex}&count=2`);
      const resources = expectListResponse(page, 6);
      expect(page.body).toMatchObject({ startIndex, itemsPerPage: 2 });
      paged.push(...resources.map((r) => r.id));
    }
    expect(paged).toEqual(everything.map((r) => r.id));
    const again = expectListResponse(await okta.send('GET', '/Users?startIndex=1&count=100'), 6);
    expect(again.map((r) => r.id)).toEqual(paged);
  });

  it('group push: GET /Groups?startIndex=1&count=100, then POST {displayName, members: []} → 201', async () => {
    expectListResponse(await okta.send('GET', '/Groups?startIndex=1&count=100'), 0);
    const created = await okta.send('POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Test SCIMv2',
      members: [],
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ schemas: [GROUP_SCHEMA], displayName: 'Test SCIMv2' });
    groupId = created.body.id as string;
    expect((await okta.send('GET', `/Groups/${groupId}`)).body).toMatchObject({ id: groupId });
  });

  it('group rename: path-less replace of {id, displayName} → 200 with the group (or 204)', async () => {
    const response = await okta.send(
      'PATCH',
      `/Groups/${groupId}`,
      patchOp({ op: 'replace', value: { id: groupId, displayName: 'Test SCIMv20' } }),
    );
    expect([200, 204], response.text).toContain(response.status);
    const read = await okta.send('GET', `/Groups/${groupId}`);
    expect(read.body).toMatchObject({ id: groupId, displayName: 'Test SCIMv20' });
  });

  it('membership update: the rename replace, `remove members[value eq …]` and `add members` in one request', async () => {
    const seed = await okta.send(
      'PATCH',
      `/Groups/${groupId}`,
      patchOp({ op: 'add', path: 'members', value: [{ value: secondId, display: 'page.user1@okta.local' }] }),
    );
    expect([200, 204], seed.text).toContain(seed.status);
    const response = await okta.send(
      'PATCH',
      `/Groups/${groupId}`,
      patchOp(
        { op: 'replace', value: { id: groupId, displayName: 'Test SCIMv20' } },
        { op: 'remove', path: `members[value eq "${secondId}"]` },
        { op: 'add', path: 'members', value: [{ value: userId, display: 'test.user@okta.local' }] },
      ),
    );
    expect([200, 204], response.text).toContain(response.status);
    if (response.status === 200)
      expect(response.body).toMatchObject({ id: groupId, displayName: 'Test SCIMv20' });
    expect(await memberIds(okta, groupId)).toEqual([userId]);
  });

  it('full push of the membership: `replace` of members', async () => {
    const response = await okta.send(
      'PATCH',
      `/Groups/${groupId}`,
      patchOp({
        op: 'replace',
        path: 'members',
        value: [
          { value: userId, display: 'test.user@okta.local' },
          { value: secondId, display: 'page.user1@okta.local' },
        ],
      }),
    );
    expect([200, 204], response.text).toContain(response.status);
    expect(await memberIds(okta, groupId)).toEqual([userId, secondId].sort());
  });

  it('POST and PUT bodies may carry members (groups) and groups (users)', async () => {
    const created = await okta.send('POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'Pushed with members',
      members: [{ value: userId, display: 'test.user@okta.local' }],
    });
    expect(created.status, created.text).toBe(201);
    const pushedId = created.body.id as string;
    expect(await memberIds(okta, pushedId)).toEqual([userId]);

    const put = await okta.send('PUT', `/Groups/${pushedId}`, {
      schemas: [GROUP_SCHEMA],
      id: pushedId,
      displayName: 'Pushed with members',
      members: [{ value: secondId, display: 'page.user1@okta.local' }],
    });
    expect(put.status, put.text).toBe(200);
    expect(await memberIds(okta, pushedId)).toEqual([secondId]);

    // A user's `groups` is read-only: Okta's copy in a PUT is accepted and does not change membership.
    const user = await okta.send('GET', `/Users/${secondId}`);
    const putUser = await okta.send('PUT', `/Users/${secondId}`, {
      ...user.body,
      groups: [{ value: groupId, display: 'Test SCIMv20' }],
    });
    expect(putUser.status, putUser.text).toBe(200);
    expect(await memberIds(okta, groupId)).toEqual([userId, secondId].sort());
    expect(await memberIds(okta, pushedId)).toEqual([secondId]);
  });

  it('unlink pushed group and delete it in the app: DELETE /Groups/{id} → 204, then 404', async () => {
    const deleted = await okta.send('DELETE', `/Groups/${groupId}`);
    expect(deleted.status).toBe(204);
    expectScimError(await okta.send('GET', `/Groups/${groupId}`), 404);
  });

  it('unassigning deactivates and never deletes: the user stays readable with active=false', async () => {
    const response = await okta.send(
      'PATCH',
      `/Users/${userId}`,
      patchOp({ op: 'replace', value: { active: false } }),
    );
    expect(response.status, response.text).toBe(200);
    const read = await okta.send('GET', `/Users/${userId}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: userId, active: false });
    expect(okta.log.some((sent) => sent.method === 'DELETE' && sent.path.startsWith('/Users'))).toBe(false);
  });
});
