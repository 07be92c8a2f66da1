/**
 * OneLogin "SCIM Provisioner with SAML" connectors, replayed through the HTTP server.
 *
 * Documentation followed:
 * - OneLogin Developers, "Step 1. Define Your SCIM User Schema", https://developers.onelogin.com/scim/define-user-schema :
 *   the admin writes the SCIM JSON template; the Core and Enterprise templates (SCIM 1.1 URNs, `emails`
 *   as a lone object, `userName` from the `scimusername` parameter).
 * - OneLogin Developers, "Step 2. Implement RESTful SCIM APIs for Your App",
 *   https://developers.onelogin.com/scim/implement-scim-api : the calls (Get User with userName filter,
 *   Create User, Get User by ID, Update User, Get Groups, Create Group, Patch Group, Delete User, Get
 *   Users) and the example flow: the initial connection looks up a userName it knows does not exist and
 *   accepts an empty list or 404; "the content type header for all responses must be of type
 *   application/json".
 * - OneLogin KB0013904 "SCIM Custom Connector" (SCIM v2 Enterprise connector, parameter API names
 *   scimusername, title, department, external_manager_id) and KB0010298 "Introduction to User
 *   Provisioning" (deprovisioned users are deleted or suspended depending on the app's settings; the
 *   admin may also choose to do nothing).
 * - Admin-written v2 templates published by vendors for their OneLogin apps (scim.dev "OneLogin",
 *   Living Security "Configuring SCIM for OneLogin", Templafy "How to setup SCIM for OneLogin", Keepnet
 *   "OneLogin SCIM Integration"): legacy schema URIs sent to /scim/v2, both v2 schemas with the
 *   enterprise manager, custom fields that render empty, misspelt attributes, `"id": null` and `meta`.
 *
 * Steps, as OneLogin sends them → what it expects back:
 *  1. Enable (initial connection): GET /Users?filter=userName eq "<non-existent>" → empty list or 404.
 *  2. Provision: GET /Users?filter=userName eq "…" → empty → POST /Users with the rendered template
 *     → 201 with the user; one replay per template shape.
 *  3. Update: GET by userName → PUT /Users/{id} with the re-rendered template → 200.
 *  4. Groups: GET /Groups → POST /Groups → PATCH /Groups/{id} adding and removing members.
 *  5. Deprovision, per the app's setting: Delete → DELETE /Users/{id} → 204; Suspend → Update User
 *     with active=false (the user stays readable); Do nothing → no request, the user is unchanged.
 */
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
  USER_SCHEMA,
} from './support/idp-replay.js';

const CORE_1 = 'urn:scim:schemas:core:1.0';
const ENTERPRISE_1 = 'urn:scim:schemas:extension:enterprise:1.0';

// "OneLogin Core User Schema" as rendered (scim.dev sends it to a /scim/v2 base URL).
const coreTemplate = {
  schemas: [CORE_1],
  userName: 'core.user@example.com',
  name: { givenName: 'Core', familyName: 'User', formatted: 'Core User' },
};

// "OneLogin Enterprise User Schema" as rendered: 1.1 URNs, emails as a lone object.
const enterpriseTemplate = {
  schemas: [CORE_1, ENTERPRISE_1],
  userName: 'ent.user@example.com',
  name: { familyName: 'User', givenName: 'Ent', formatted: 'Ent User' },
  emails: { value: 'ent.user@example.com', type: 'work', primary: true },
  title: 'Engineer',
  [ENTERPRISE_1]: { department: 'Platform', manager: { managerId: 'mgr-1', displayName: 'Boss Person' } },
};

// A v2 Enterprise template (Living Security's) as rendered.
const v2Template = (title: string) => ({
  schemas: [USER_SCHEMA, ENTERPRISE],
  userName: 'v2.user@example.com',
  name: { familyName: 'User', givenName: 'Vee' },
  title,
  userType: 'Employee',
  timezone: 'Europe/Paris',
  emails: [{ value: 'v2.user@example.com', type: 'work', primary: true }],
  addresses: [{ locality: 'Paris', region: 'IDF', country: 'FR' }],
  [ENTERPRISE]: {
    organization: 'Acme',
    division: 'R&D',
    department: 'Platform',
    manager: { value: 'mgr-1', displayName: 'Boss Person' },
  },
});

describe.each(testEngines)('OneLogin provisioning lifecycle on $name', (engine) => {
  let roster: RosterHarness;
  let onelogin: IdpClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    onelogin = new IdpClient(roster, await roster.createIntegration('onelogin'), {
      'user-agent': 'OneLogin-SCIM',
    });
  });
  afterAll(() => roster.close());

  const lookup = (userName: string) => onelogin.send('GET', `/Users${query(`userName eq "${userName}"`)}`);
  const provision = async (key: string, body: Record<string, unknown>) => {
    expectListResponse(await lookup(body.userName as string), 0);
    const created = await onelogin.send('POST', '/Users', body);
    expect(created.status, created.text).toBe(201);
    ids[key] = created.body.id as string;
    return created.body;
  };

  it('initial connection: a lookup of a userName known not to exist → empty list (or 404)', async () => {
    const response = await lookup('onelogin-connection-check-7c1d@example.invalid');
    if (response.status === 404) return;
    expect(expectListResponse(response, 0)).toEqual([]);
  });

  it('answers with a JSON content type (the flow page: responses must be application/json)', async () => {
    // The page does not show OneLogin's Accept header; a client asking for JSON is the case RFC 7644
    // §3.8 covers (servers SHOULD support `Accept: application/json`).
    const response = await onelogin.send('GET', '/Users?count=1', undefined, { accept: 'application/json' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json\b/);
  });

  it('core-only template with the SCIM 1.1 core URI: lookup, then POST → 201', async () => {
    const user = await provision('core', coreTemplate);
    expect(user).toMatchObject({
      userName: 'core.user@example.com',
      name: { givenName: 'Core', familyName: 'User', formatted: 'Core User' },
    });
  });

  it('enterprise template with 1.1 URIs and `emails` as a lone object → 201, the email kept', async () => {
    const user = await provision('enterprise', enterpriseTemplate);
    expect(user).toMatchObject({
      userName: 'ent.user@example.com',
      title: 'Engineer',
      emails: [{ value: 'ent.user@example.com', type: 'work', primary: true }],
    });
  });

  it('enterprise template with 1.1 URIs: the department under the 1.1 extension key is kept', async () => {
    const read = await onelogin.send('GET', `/Users/${ids.enterprise}`);
    expect(read.body[ENTERPRISE]).toMatchObject({ department: 'Platform' });
  });

  it('v2 Enterprise template (both v2 schemas, manager, addresses) → 201 with every value', async () => {
    const user = await provision('v2', v2Template('Engineer'));
    expect(user).toMatchObject({
      title: 'Engineer',
      userType: 'Employee',
      timezone: 'Europe/Paris',
      addresses: [{ locality: 'Paris', region: 'IDF', country: 'FR' }],
      [ENTERPRISE]: {
        organization: 'Acme',
        division: 'R&D',
        department: 'Platform',
        manager: { value: 'mgr-1' },
      },
    });
  });

  it('template without `schemas`, with a numeric employeeNumber, `"id": null` and `meta` → 201', async () => {
    const user = await provision('bare', {
      id: null,
      meta: { resourceType: 'User' },
      userName: 'bare.user@example.com',
      externalId: 'bare.user@example.com',
      name: { givenName: 'Bare', familyName: 'User' },
      [ENTERPRISE]: { employeeNumber: 1815 },
    });
    expect(user.id).toEqual(expect.any(String));
    expect(user).toMatchObject({
      userName: 'bare.user@example.com',
      [ENTERPRISE]: { employeeNumber: '1815' },
    });
  });

  it('template with unset custom fields rendered as "" and a misspelt attribute → 201', async () => {
    const user = await provision('blanks', {
      schemas: [USER_SCHEMA, ENTERPRISE, CORE_1],
      userName: 'blank.user@example.com',
      externalId: 'blank.user@example.com',
      name: { givenName: 'Blank', familyName: 'User', formatted: 'Blank User' },
      displayName: 'Blank User',
      prefferedLanguage: '',
      title: '',
      phoneNumbers: [
        { value: '+1 555 0100', type: 'work' },
        { value: '', type: 'mobile' },
      ],
      [ENTERPRISE]: { department: '', organization: 'Acme' },
    });
    expect(user).toMatchObject({
      userName: 'blank.user@example.com',
      [ENTERPRISE]: { organization: 'Acme' },
    });
  });

  it('update: lookup by userName, then PUT of the re-rendered template → 200', async () => {
    const found = expectListResponse(await lookup('v2.user@example.com'), 1);
    expect(found[0]?.id).toBe(ids.v2);
    const put = await onelogin.send('PUT', `/Users/${ids.v2}`, v2Template('Staff Engineer'));
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({ id: ids.v2, title: 'Staff Engineer', userName: 'v2.user@example.com' });
  });

  it('groups: GET /Groups, POST /Groups, PATCH /Groups/{id} adding and removing members', async () => {
    expectListResponse(await onelogin.send('GET', '/Groups'), 0);
    const created = await onelogin.send('POST', '/Groups', {
      schemas: [GROUP_SCHEMA],
      displayName: 'OneLogin Role',
    });
    expect(created.status, created.text).toBe(201);
    const groupId = created.body.id as string;
    const added = await onelogin.send(
      'PATCH',
      `/Groups/${groupId}`,
      patchOp({ op: 'add', path: 'members', value: [{ value: ids.core }, { value: ids.v2 }] }),
    );
    expect([200, 204], added.text).toContain(added.status);
    const removed = await onelogin.send(
      'PATCH',
      `/Groups/${groupId}`,
      patchOp({ op: 'remove', path: `members[value eq "${ids.core}"]` }),
    );
    expect([200, 204], removed.text).toContain(removed.status);
    expect(await memberIds(onelogin, groupId)).toEqual([ids.v2]);
  });

  it('deprovision action "Delete": DELETE /Users/{id} → 204, then 404', async () => {
    expect((await onelogin.send('DELETE', `/Users/${ids.core}`)).status).toBe(204);
    expectScimError(await onelogin.send('GET', `/Users/${ids.core}`), 404);
    expectListResponse(await lookup('core.user@example.com'), 0);
  });

  it('deprovision action "Suspend": Update User with active=false; the user stays readable', async () => {
    const put = await onelogin.send('PUT', `/Users/${ids.v2}`, {
      ...v2Template('Staff Engineer'),
      active: false,
    });
    expect(put.status, put.text).toBe(200);
    expect(put.body.active).toBe(false);
    const found = expectListResponse(await lookup('v2.user@example.com'), 1);
    expect(found[0]).toMatchObject({ id: ids.v2, active: false, title: 'Staff Engineer' });
  });

  it('deprovision action "Do nothing": no request is sent and the user is unchanged', async () => {
    const before = onelogin.log.length;
    const read = await onelogin.send('GET', `/Users/${ids.bare}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ userName: 'bare.user@example.com' });
    expect(read.body.active).not.toBe(false);
    expect(onelogin.log.slice(before).every((sent) => sent.method === 'GET')).toBe(true);
  });
});
