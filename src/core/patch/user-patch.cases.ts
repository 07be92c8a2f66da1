import { ada, add, babs, babsWith, remove, replace, type PatchCase } from './patch.fixtures.js';

const user = (
  name: string,
  before: PatchCase['before'],
  operations: readonly unknown[],
  after: PatchCase['after'],
): PatchCase => ({ name, type: 'User', before, operations, after });

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** Core User attributes that hold one value: simple and complex (`name`). */
export const userPatchCases: readonly PatchCase[] = [
  // Singular attributes (RFC 7644 §3.5.2.1 and §3.5.2.3: add and replace both set them).
  user('add sets an unassigned singular attribute', ada, [add('displayName', 'Ada')], {
    ...ada,
    displayName: 'Ada',
  }),
  user(
    'add replaces a singular attribute that has a value',
    babs,
    [add('displayName', 'B')],
    babsWith({ displayName: 'B' }),
  ),
  user('replace sets a singular attribute', ada, [replace('title', 'Engineer')], {
    ...ada,
    title: 'Engineer',
  }),
  user('replace changes userName', babs, [replace('userName', 'babs')], babsWith({ userName: 'babs' })),
  user('replace sets a boolean', babs, [replace('active', false)], babsWith({ active: false })),
  user(
    'remove unassigns a singular attribute',
    babs,
    [remove('displayName')],
    babsWith({ displayName: undefined }),
  ),
  user('remove of an unassigned attribute succeeds without change', babs, [remove('nickName')], babs),
  user(
    'replace with null unassigns (RFC 7643 §2.5)',
    babs,
    [replace('displayName', null)],
    babsWith({ displayName: undefined }),
  ),
  user('add sets externalId', ada, [add('externalId', 'x-1')], { ...ada, externalId: 'x-1' }),
  user(
    'matches the path case-insensitively and stores the canonical name',
    ada,
    [replace('DISPLAYNAME', 'A')],
    { ...ada, displayName: 'A' },
  ),
  user('accepts a core-schema URN prefix on the path', ada, [replace(`${CORE}:displayName`, 'A')], {
    ...ada,
    displayName: 'A',
  }),
  user('coerces a number given for a string attribute', ada, [replace('title', 42)], { ...ada, title: '42' }),
  user('sets a reference attribute', ada, [replace('profileUrl', 'https://example.com/ada')], {
    ...ada,
    profileUrl: 'https://example.com/ada',
  }),
  user(
    'replace of the writeOnly password is accepted and stores nothing',
    babs,
    [replace('password', 's3cret')],
    babs,
  ),
  user('remove of the writeOnly password does nothing', babs, [remove('password')], babs),

  // Singular complex attribute `name`.
  user(
    'add merges sub-attributes into a complex attribute',
    babs,
    [add('name', { middleName: 'J' })],
    babsWith({ name: { givenName: 'Barbara', familyName: 'Jensen', middleName: 'J' } }),
  ),
  user(
    'replace of a complex attribute leaves unspecified sub-attributes unchanged (RFC 7644 §3.5.2.3)',
    babs,
    [replace('name', { givenName: 'Babs' })],
    babsWith({ name: { givenName: 'Babs', familyName: 'Jensen' } }),
  ),
  user(
    'replace of a complex attribute with null removes it',
    babs,
    [replace('name', null)],
    babsWith({ name: undefined }),
  ),
  user('add of a sub-attribute creates the complex attribute', ada, [add('name.givenName', 'Ada')], {
    ...ada,
    name: { givenName: 'Ada' },
  }),
  user(
    'replace of a sub-attribute sets it',
    babs,
    [replace('name.familyName', 'Jensen-Smith')],
    babsWith({ name: { givenName: 'Barbara', familyName: 'Jensen-Smith' } }),
  ),
  user(
    'remove of a sub-attribute keeps the others',
    babs,
    [remove('name.givenName')],
    babsWith({ name: { familyName: 'Jensen' } }),
  ),
  user(
    'remove of the last sub-attribute removes the complex attribute',
    { ...ada, name: { givenName: 'Ada' } },
    [remove('name.givenName')],
    ada,
  ),
  user(
    'remove of a complex attribute removes it whole',
    babs,
    [remove('name')],
    babsWith({ name: undefined }),
  ),
  user(
    'ignores unknown sub-attributes in a complex value',
    babs,
    [replace('name', { givenName: 'X', petName: 'y' })],
    babsWith({ name: { givenName: 'X', familyName: 'Jensen' } }),
  ),
  user('replace of a complex attribute with {} changes nothing', babs, [replace('name', {})], babs),
  user(
    'replace of a sub-attribute with null removes it',
    babs,
    [replace('name.givenName', null)],
    babsWith({ name: { familyName: 'Jensen' } }),
  ),
];
