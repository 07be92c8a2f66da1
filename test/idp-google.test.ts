/**
 * Google Workspace automated user provisioning (auto-provisioning on a custom SAML app), replayed
 * through the HTTP server.
 *
 * Documentation followed:
 * - Google Workspace Admin Help, "About automated user provisioning",
 *   https://support.google.com/a/answer/7681608 : users are synced every few hours; provisioning works
 *   on active, suspended and deleted users.
 * - Google Workspace Admin Help, "Configure Spoke auto-provisioning", https://support.google.com/a/answer/9338944
 *   (the same wizard for every app): token → attribute mapping → scope → deprovisioning, whose three
 *   triggers ("app turned off for the user", "user suspended", "user deleted") each suspend OR delete the
 *   app account, independently of each other.
 * - authn.sh, "SCIM 2.0 with Google Workspace" (third-party guide): the wizard's probe is
 *   GET /Users?count=1; the mapping step lists the app's attributes.
 * Google's pages do not print its request bodies; the bodies below are standard RFC 7643 Users carrying
 * the attributes of Google's mapping screen, and updates use RFC 7644 PATCH.
 * Google's custom-app provisioning syncs users only, so there are no group steps here.
 *
 * Steps, as Google sends them → what it expects back:
 *  1. Set-up probe: GET /Users?count=1 → 200 ListResponse.
 *  2. Attribute mapping: GET /Schemas → the User, Group and EnterpriseUser schemas describing every
 *     attribute the mapping screen offers, with accurate type, plurality and mutability.
 *  3. User in scope: GET /Users?filter=userName eq "…" → empty → POST /Users → 201.
 *  4. Sync every few hours: the same lookup finds the same single user; changes are PATCHed.
 *  5. "User suspended on Google" set to suspend → PATCH active=false; unsuspended → active=true.
 *  6. "User deleted from Google" / "app turned off" set to delete → DELETE /Users/{id} for a user that was
 *     never deactivated → 204, then 404. Back in scope later → created afresh.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterHarness, testEngines } from './support/roster-harness.js';
import {
  ENTERPRISE,
  expectListResponse,
  expectScimError,
  GROUP_SCHEMA,
  IdpClient,
  patchOp,
  query,
  USER_SCHEMA,
} from './support/idp-replay.js';

const googleUser = (userName: string, givenName: string) => ({
  schemas: [USER_SCHEMA, ENTERPRISE],
  userName,
  name: { givenName, familyName: 'Lovelace' },
  displayName: `${givenName} Lovelace`,
  emails: [{ value: userName, type: 'work', primary: true }],
  title: 'Analyst',
  phoneNumbers: [{ value: '+44 20 7946 0000', type: 'work' }],
  active: true,
  [ENTERPRISE]: { employeeNumber: 'E-1815', department: 'Engines', costCenter: 'CC-7' },
});

// Attributes Google's mapping screen offers, by schema: [path, type, multiValued].
const mapped: Record<string, [string, string, boolean][]> = {
  [USER_SCHEMA]: [
    ['userName', 'string', false],
    ['name.givenName', 'string', false],
    ['name.familyName', 'string', false],
    ['displayName', 'string', false],
    ['title', 'string', false],
    ['userType', 'string', false],
    ['active', 'boolean', false],
    ['externalId', 'string', false],
    ['emails', 'complex', true],
    ['emails.value', 'string', false],
    ['emails.type', 'string', false],
    ['emails.primary', 'boolean', false],
    ['phoneNumbers', 'complex', true],
    ['phoneNumbers.value', 'string', false],
    ['phoneNumbers.type', 'string', false],
    ['addresses', 'complex', true],
    ['addresses.streetAddress', 'string', false],
    ['addresses.locality', 'string', false],
    ['addresses.region', 'string', false],
    ['addresses.postalCode', 'string', false],
    ['addresses.country', 'string', false],
    ['addresses.type', 'string', false],
  ],
  [ENTERPRISE]: [
    ['employeeNumber', 'string', false],
    ['costCenter', 'string', false],
    ['organization', 'string', false],
    ['division', 'string', false],
    ['department', 'string', false],
    ['manager', 'complex', false],
    ['manager.value', 'string', false],
  ],
};

interface AttributeDocument {
  name: string;
  type: string;
  multiValued: boolean;
  mutability: string;
  required: boolean;
  uniqueness: string;
  subAttributes?: AttributeDocument[];
}

function describedAttribute(attributes: AttributeDocument[], path: string): AttributeDocument | undefined {
  const [head, sub] = path.split('.');
  const top = attributes.find((a) => a.name === head);
  return sub === undefined ? top : top?.subAttributes?.find((a) => a.name === sub);
}

describe.each(testEngines)('Google Workspace provisioning lifecycle on $name', (engine) => {
  let roster: RosterHarness;
  let google: IdpClient;
  let adaId: string;
  let graceId: string;

  beforeAll(async () => {
    roster = await RosterHarness.start(engine);
    google = new IdpClient(roster, await roster.createIntegration('google'), {
      'user-agent': 'Google-Auto-Provisioning',
    });
  });
  afterAll(() => roster.close());

  const lookup = (userName: string) => google.send('GET', `/Users${query(`userName eq "${userName}"`)}`);

  it('set-up probe: GET /Users?count=1 lists users with a small count', async () => {
    expect(expectListResponse(await google.send('GET', '/Users?count=1'), 0)).toEqual([]);
  });

  it('attribute mapping: /Schemas describes every attribute Google maps, accurately', async () => {
    const listed = await google.send('GET', '/Schemas');
    const documents = expectListResponse(listed) as unknown as {
      id: string;
      attributes: AttributeDocument[];
    }[];
    expect(documents.map((d) => d.id).sort()).toEqual([ENTERPRISE, GROUP_SCHEMA, USER_SCHEMA].sort());
    for (const [schemaId, attributes] of Object.entries(mapped)) {
      const document = documents.find((d) => d.id === schemaId);
      for (const [path, type, multiValued] of attributes) {
        const described = describedAttribute(document?.attributes ?? [], path);
        expect(described, `${schemaId} ${path}`).toMatchObject({
          type,
          multiValued,
          mutability: 'readWrite',
        });
      }
    }
    const userName = describedAttribute(documents.find((d) => d.id === USER_SCHEMA)!.attributes, 'userName');
    expect(userName).toMatchObject({ required: true, uniqueness: 'server' });
    // Each schema is also served on its own, by its URN.
    expect((await google.send('GET', `/Schemas/${encodeURIComponent(ENTERPRISE)}`)).body).toMatchObject({
      id: ENTERPRISE,
      name: 'EnterpriseUser',
    });
  });

  it('a user in scope: the lookup finds nobody, then POST /Users → 201 with every mapped value', async () => {
    expectListResponse(await lookup('ada@example.com'), 0);
    const created = await google.send('POST', '/Users', {
      ...googleUser('ada@example.com', 'Ada'),
      externalId: '1234567890',
      userType: 'Employee',
      addresses: [
        {
          type: 'work',
          streetAddress: '12 St James Sq',
          locality: 'London',
          region: 'LDN',
          postalCode: 'SW1Y 4JH',
          country: 'GB',
        },
      ],
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({
      userName: 'ada@example.com',
      externalId: '1234567890',
      userType: 'Employee',
      addresses: [{ locality: 'London', postalCode: 'SW1Y 4JH', country: 'GB' }],
      [ENTERPRISE]: { employeeNumber: 'E-1815', department: 'Engines', costCenter: 'CC-7' },
    });
    adaId = created.body.id as string;
    const probe = expectListResponse(await google.send('GET', '/Users?count=1'), 1);
    expect(probe).toHaveLength(1);
  });

  it('the next sync finds the same single user and PATCHes what changed', async () => {
    const found = expectListResponse(await lookup('ada@example.com'), 1);
    expect(found[0]?.id).toBe(adaId);
    const patched = await google.send(
      'PATCH',
      `/Users/${adaId}`,
      patchOp(
        { op: 'replace', path: 'title', value: 'Senior Analyst' },
        { op: 'replace', path: `${ENTERPRISE}:department`, value: 'Analytical Engines' },
      ),
    );
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({
      title: 'Senior Analyst',
      [ENTERPRISE]: { department: 'Analytical Engines', employeeNumber: 'E-1815' },
    });
  });

  it('"user suspended on Google" set to suspend: active=false, the account stays; unsuspended: active=true', async () => {
    const suspended = await google.send(
      'PATCH',
      `/Users/${adaId}`,
      patchOp({ op: 'replace', path: 'active', value: false }),
    );
    expect(suspended.status, suspended.text).toBe(200);
    expect((await google.send('GET', `/Users/${adaId}`)).body).toMatchObject({ id: adaId, active: false });
    const restored = await google.send(
      'PATCH',
      `/Users/${adaId}`,
      patchOp({ op: 'replace', path: 'active', value: true }),
    );
    expect(restored.body.active).toBe(true);
  });

  it('"user deleted from Google" set to delete: a DELETE with no earlier deactivation → 204, then 404', async () => {
    const created = await google.send('POST', '/Users', googleUser('grace@example.com', 'Grace'));
    expect(created.status, created.text).toBe(201);
    graceId = created.body.id as string;
    expect(created.body.active).toBe(true);

    const deleted = await google.send('DELETE', `/Users/${graceId}`);
    expect(deleted.status).toBe(204);
    expectScimError(await google.send('GET', `/Users/${graceId}`), 404);
    expectListResponse(await lookup('grace@example.com'), 0);
  });

  it('"app turned off for the user" set to delete: the active, suspended-then-restored user is deleted outright', async () => {
    const deleted = await google.send('DELETE', `/Users/${adaId}`);
    expect(deleted.status).toBe(204);
    expectScimError(await google.send('GET', `/Users/${adaId}`), 404);
  });

  it('a deleted user back in scope is looked up, not found, and created again → 201, active', async () => {
    expectListResponse(await lookup('grace@example.com'), 0);
    const recreated = await google.send('POST', '/Users', googleUser('grace@example.com', 'Grace'));
    expect(recreated.status, recreated.text).toBe(201);
    expect(recreated.body).toMatchObject({ userName: 'grace@example.com', active: true });
    const id = recreated.body.id as string;
    expect((await google.send('GET', `/Users/${id}`)).status).toBe(200);
    expect(expectListResponse(await lookup('grace@example.com'), 1)[0]?.id).toBe(id);
  });
});
