import { ENTERPRISE_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from '../schema/schema-urns.js';

/**
 * A fixed directory in SCIM wire form, shared by the evaluator's case table and the SQL compiler's tests:
 * both must select the same ids for every case in filter-cases.ts. Each resource exists to make some
 * case tell two semantics apart (case folding, instants written with offsets, empty values, several
 * elements of a multi-valued attribute, astral characters), so change one only with the cases in view.
 */
export type FixtureResource = Readonly<Record<string, unknown>>;

const BASE = 'https://roster.example/scim/v2';

function meta(resourceType: 'User' | 'Group', id: string, created: string, lastModified: string) {
  const location = `${BASE}/${resourceType}s/${id}`;
  return { resourceType, created, lastModified, location, version: `W/"v-${id}"` };
}

function user(id: string, created: string, lastModified: string, attributes: Record<string, unknown>) {
  const schemas =
    ENTERPRISE_USER_SCHEMA in attributes ? [USER_SCHEMA, ENTERPRISE_USER_SCHEMA] : [USER_SCHEMA];
  return Object.freeze({ schemas, id, ...attributes, meta: meta('User', id, created, lastModified) });
}

function group(id: string, created: string, lastModified: string, attributes: Record<string, unknown>) {
  return Object.freeze({
    schemas: [GROUP_SCHEMA],
    id,
    ...attributes,
    meta: meta('Group', id, created, lastModified),
  });
}

const email = (value: string, type: string, primary?: boolean) =>
  primary === undefined ? { value, type } : { value, type, primary };

export const fixtureUsers: readonly FixtureResource[] = Object.freeze([
  user('u1', '2024-01-01T00:00:00.000Z', '2024-06-01T12:00:00.000Z', {
    externalId: 'BJ-001',
    userName: 'bjensen',
    name: {
      formatted: 'Ms. Barbara J Jensen III',
      familyName: 'Jensen',
      givenName: 'Barbara',
      middleName: 'Jane',
      honorificPrefix: 'Ms.',
      honorificSuffix: 'III',
    },
    displayName: 'Babs Jensen',
    nickName: 'Babs',
    profileUrl: 'https://login.example.com/bjensen',
    title: 'Tour Guide',
    userType: 'Employee',
    preferredLanguage: 'en-US',
    locale: 'en-US',
    timezone: 'America/Los_Angeles',
    active: true,
    emails: [email('bjensen@example.com', 'work', true), email('babs@jensen.org', 'home')],
    phoneNumbers: [
      { value: '555-555-5555', type: 'work' },
      { value: '555-555-4444', type: 'mobile' },
    ],
    addresses: [
      {
        type: 'work',
        streetAddress: '100 Universal City Plaza',
        locality: 'Hollywood',
        region: 'CA',
        postalCode: '91608',
        country: 'US',
        primary: true,
      },
      { type: 'home', locality: 'Burbank', region: 'CA', country: 'US' },
    ],
    groups: [
      { value: 'g1', display: 'Admins', type: 'direct' },
      { value: 'g2', display: 'Tour Operations', type: 'direct' },
    ],
    [ENTERPRISE_USER_SCHEMA]: {
      employeeNumber: '701984',
      costCenter: '4130',
      organization: 'Universal Studios',
      division: 'Theme Park',
      department: 'Tour Operations',
      manager: { value: 'u2', $ref: '../Users/u2', displayName: 'John Smith' },
    },
  }),
  user('u2', '2023-03-15T08:30:00.000Z', '2024-02-29T23:59:59.000Z', {
    externalId: 'bj-001',
    userName: 'JSmith',
    name: { formatted: 'John Smith', familyName: 'Smith', givenName: 'John' },
    displayName: 'John Smith',
    title: 'Manager',
    userType: 'Employee',
    locale: 'en-GB',
    timezone: 'Europe/London',
    active: true,
    emails: [email('John.Smith@Example.com', 'work', true)],
    phoneNumbers: [
      { value: '+44 20 7946 0000', type: 'work' },
      { value: '+44 7700 900000', type: 'mobile', primary: true },
    ],
    groups: [
      { value: 'g1', display: 'Admins', type: 'direct' },
      { value: 'g2', display: 'Tour Operations', type: 'direct' },
    ],
    [ENTERPRISE_USER_SCHEMA]: {
      employeeNumber: '100',
      organization: 'Universal Studios',
      department: 'Tour Operations',
    },
  }),
  user('u3', '2022-12-31T23:00:00.000Z', '2023-01-01T00:00:00.000Z', {
    externalId: 'alice',
    userName: 'ALICE@example.com',
    name: { familyName: 'Liddell', givenName: 'Alice' },
    displayName: 'Alice Liddell',
    title: 'Researcher',
    userType: 'Contractor',
    active: false,
    emails: [email('alice@example.com', 'work', true), email('alice@wonder.land', 'other', false)],
    groups: [{ value: 'g4', display: 'researchers', type: 'direct' }],
    [ENTERPRISE_USER_SCHEMA]: {
      employeeNumber: '7',
      department: 'Research',
      manager: { value: 'u1', displayName: 'Babs Jensen' },
    },
  }),
  user('u4', '2024-05-05T05:05:05.000Z', '2024-05-05T05:05:05.000Z', {
    userName: 'zoë.müller',
    name: { familyName: 'Müller', givenName: 'Zoë' },
    displayName: 'Zoë Müller',
    // U+FF3A FULLWIDTH LATIN CAPITAL LETTER Z: a BMP character above the surrogate range.
    nickName: '\uff3aoë',
    preferredLanguage: 'de',
    locale: 'de-DE',
    active: true,
    emails: [email('zoe@müller.de', 'home', true)],
    addresses: [{ type: 'home', locality: 'München', postalCode: '80331', country: 'DE' }],
  }),
  user('u5', '2023-07-01T00:00:00.000Z', '2023-07-01T00:00:00.000Z', {
    externalId: 'LL-5',
    userName: 'lilei',
    name: { formatted: '李雷', familyName: '李', givenName: '雷' },
    displayName: '李雷',
    locale: 'zh-CN',
    phoneNumbers: [{ value: '+86 10 5555 0000', type: 'mobile' }],
    [ENTERPRISE_USER_SCHEMA]: { employeeNumber: '5', costCenter: '4130', department: 'Research' },
  }),
  user('u6', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', { userName: 'minimal' }),
  // Values that are there but empty: none of them is "present" (RFC 7644 §3.4.2.2 "pr").
  user('u7', '2024-03-10T10:00:00.000Z', '2024-03-10T10:00:00.000Z', {
    externalId: '',
    userName: 'empties',
    name: {},
    displayName: '',
    nickName: 'Nick',
    title: null,
    active: false,
    emails: [],
    phoneNumbers: [{ value: '', type: 'work' }],
    [ENTERPRISE_USER_SCHEMA]: {},
  }),
  user('u8', '2024-02-29T12:00:00.000Z', '2024-06-01T11:59:59.999Z', {
    externalId: 'MM-8',
    userName: 'mmulti',
    name: { familyName: 'Multi', givenName: 'Max' },
    displayName: 'Max Multi',
    title: 'Sales Rep',
    userType: 'Employee',
    active: false,
    emails: [
      email('m@example.com', 'work'),
      email('max@corp.example', 'work'),
      email('Max@Home.example', 'home', true),
    ],
    phoneNumbers: [{ value: '555-000-0008', type: 'fax' }],
    addresses: [
      { type: 'home', locality: 'Springfield', region: 'IL', country: 'US' },
      { type: 'work', locality: 'Springfield', region: 'MA', country: 'US', primary: true },
    ],
    [ENTERPRISE_USER_SCHEMA]: { employeeNumber: '00042', department: 'Sales', manager: { value: 'u2' } },
  }),
  // The same instants as u1's created and lastModified, written with offsets: dateTime compares instants.
  user('u9', '2024-01-01T01:00:00+01:00', '2024-06-01T14:00:00+02:00', {
    externalId: 'OTTO',
    userName: 'otto',
    name: { familyName: 'Offset', givenName: 'Otto' },
    displayName: 'Otto Offset',
    timezone: 'Europe/Berlin',
    active: true,
    emails: [email('otto@example.com', 'work', false)],
  }),
  user('u10', '2024-06-01T00:00:00.000Z', '2024-06-01T12:00:00.500Z', {
    externalId: 'carol-10',
    userName: 'carol',
    name: { familyName: 'Danvers', givenName: 'Carol' },
    displayName: 'Carol Danvers',
    nickName: 'Captain',
    profileUrl: 'https://login.example.com/Carol',
    title: 'Pilot',
    userType: 'Contractor',
    active: true,
    emails: [email('carol@example.com', 'work', true)],
    ims: [{ value: 'carol@xmpp.example', type: 'xmpp' }],
    photos: [{ value: 'https://photos.example.com/carol.jpg', type: 'photo' }],
    roles: [
      { value: 'admin', primary: true },
      { value: 'Auditor', type: 'secondary' },
    ],
    entitlements: [{ value: 'vpn' }],
    x509Certificates: [{ value: 'MIIDQzCCAqygAwIBAgICEAAwDQYJ' }],
  }),
  user('u11', '2024-04-01T00:00:00.000Z', '2024-04-02T00:00:00.000Z', {
    externalId: 'DAVE',
    userName: 'dave',
    name: { familyName: 'Jensen', givenName: 'Dave' },
    displayName: 'dave jensen',
    title: 'tour guide',
    userType: 'Contractor',
    active: true,
    emails: [email('dave@example.com', 'work', false), email('dave@jensen.org', 'home', false)],
    groups: [{ value: 'g2', display: 'Tour Operations', type: 'direct' }],
    [ENTERPRISE_USER_SCHEMA]: {
      employeeNumber: '701985',
      department: 'tour operations',
      manager: { value: 'u1', displayName: 'Babs Jensen' },
    },
  }),
  user('u12', '2023-11-11T11:11:11.000Z', '2024-01-15T00:00:00.000Z', {
    externalId: 'ÉVE-12',
    userName: 'Éve',
    name: { familyName: 'Durand', givenName: 'Ève' },
    displayName: 'Ève Durand',
    // U+1D508 MATHEMATICAL FRAKTUR CAPITAL E, an astral character: code point order puts it above every
    // BMP character, UTF-16 code unit order would not.
    nickName: '\u{1d508}ve',
    preferredLanguage: 'fr',
    locale: 'fr-FR',
    active: true,
    emails: [email('eve@example.fr', 'work', true)],
  }),
]);

const member = (value: string, display: string, type = 'User') => ({ value, type, display });

export const fixtureGroups: readonly FixtureResource[] = Object.freeze([
  group('g1', '2023-01-01T00:00:00.000Z', '2024-06-01T00:00:00.000Z', {
    externalId: 'ADM-1',
    displayName: 'Admins',
    members: [{ ...member('u1', 'Babs Jensen'), $ref: `${BASE}/Users/u1` }, member('u2', 'John Smith')],
  }),
  group('g2', '2023-06-01T00:00:00.000Z', '2024-04-02T00:00:00.000Z', {
    externalId: 'tour-ops',
    displayName: 'Tour Operations',
    members: [
      member('u1', 'Babs Jensen'),
      member('u2', 'John Smith'),
      member('u11', 'dave jensen'),
      member('g3', 'Empty Group', 'Group'),
    ],
  }),
  group('g3', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', {
    displayName: 'Empty Group',
    members: [],
  }),
  group('g4', '2022-01-01T00:00:00.000Z', '2023-07-01T00:00:00.000Z', {
    externalId: 'RES',
    displayName: 'researchers',
    // members.value is caseExact: "U5" is not "u5".
    members: [member('u3', 'Alice Liddell'), member('U5', '李雷')],
  }),
]);

export const fixtures: Readonly<Record<'User' | 'Group', readonly FixtureResource[]>> = Object.freeze({
  User: fixtureUsers,
  Group: fixtureGroups,
});
