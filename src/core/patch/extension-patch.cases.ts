import {
  ada,
  add,
  babs,
  babsEnterprise,
  babsWith,
  E,
  homeEmail,
  remove,
  replace,
  workEmail,
  type PatchCase,
} from './patch.fixtures.js';

const user = (
  name: string,
  before: PatchCase['before'],
  operations: readonly unknown[],
  after: PatchCase['after'],
): PatchCase => ({ name, type: 'User', before, operations, after });

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** The enterprise extension, its manager, and path-less operations (RFC 7644 §3.5.2.1, §3.5.2.3). */
export const extensionPatchCases: readonly PatchCase[] = [
  user('add of an extension attribute creates the extension', ada, [add(`${E}:employeeNumber`, 'E-1')], {
    ...ada,
    [E]: { employeeNumber: 'E-1' },
  }),
  user(
    'replace of an extension attribute',
    babs,
    [replace(`${E}:department`, 'Sales')],
    babsEnterprise({ department: 'Sales' }),
  ),
  user(
    'remove of an extension attribute keeps the others',
    babs,
    [remove(`${E}:department`)],
    babsEnterprise({ department: undefined }),
  ),
  user(
    'remove of the last extension attribute removes the extension',
    { ...ada, [E]: { costCenter: 'CC' } },
    [remove(`${E}:costCenter`)],
    ada,
  ),
  user(
    'an extension attribute may be named without its URN when unambiguous',
    babs,
    [replace('employeeNumber', 'E-9')],
    babsEnterprise({ employeeNumber: 'E-9' }),
  ),
  user(
    'the URN on a path matches case-insensitively',
    babs,
    [replace(`${E.toLowerCase()}:Department`, 'R&D')],
    babsEnterprise({ department: 'R&D' }),
  ),
  user(
    'a number given for employeeNumber becomes a string',
    babs,
    [replace(`${E}:employeeNumber`, 42)],
    babsEnterprise({ employeeNumber: '42' }),
  ),
  user(
    'a path naming the extension adds the attributes of its object value',
    babs,
    [add(E, { division: 'North' })],
    babsEnterprise({ division: 'North' }),
  ),
  user(
    'remove of a path naming the extension removes all of its attributes',
    babs,
    [remove(E)],
    babsWith({ [E]: undefined }),
  ),

  // The enterprise manager (RFC 7643 §4.3).
  user(
    'manager set by a bare id string (Entra ID)',
    babs,
    [replace(`${E}:manager`, 'mgr-2')],
    babsEnterprise({ manager: { value: 'mgr-2' } }),
  ),
  user('manager set by an object', ada, [add(`${E}:manager`, { value: 'mgr-3', $ref: '../Users/mgr-3' })], {
    ...ada,
    [E]: { manager: { value: 'mgr-3', $ref: '../Users/mgr-3' } },
  }),
  user('manager removed by path', babs, [remove(`${E}:manager`)], babsEnterprise({ manager: undefined })),
  user(
    'manager removed by manager.value',
    babs,
    [remove(`${E}:manager.value`)],
    babsEnterprise({ manager: undefined }),
  ),
  user(
    'manager replaced with "" is removed',
    babs,
    [replace(`${E}:manager`, '')],
    babsEnterprise({ manager: undefined }),
  ),
  user(
    'manager.value replaced',
    babs,
    [replace(`${E}:manager.value`, 'mgr-9')],
    babsEnterprise({ manager: { value: 'mgr-9' } }),
  ),
  user(
    'manager displayName in a value is read-only and dropped',
    ada,
    [replace(`${E}:manager`, { value: 'm', displayName: 'Boss' })],
    { ...ada, [E]: { manager: { value: 'm' } } },
  ),

  // Without a path, the value is a set of attributes.
  user(
    'path-less add sets several attributes',
    ada,
    [add(undefined, { displayName: 'Ada', title: 'Countess' })],
    { ...ada, displayName: 'Ada', title: 'Countess' },
  ),
  user(
    'path-less replace of a multi-valued attribute replaces it whole',
    babs,
    [replace(undefined, { emails: [{ value: 'z@e.example' }] })],
    babsWith({ emails: [{ value: 'z@e.example' }] }),
  ),
  user(
    'path-less add of a multi-valued attribute appends',
    babs,
    [add(undefined, { emails: [{ value: 'z@e.example' }] })],
    babsWith({ emails: [workEmail, homeEmail, { value: 'z@e.example' }] }),
  ),
  user(
    'path-less keys naming no attribute are ignored',
    ada,
    [replace(undefined, { shoeSize: 44, displayName: 'A' })],
    { ...ada, displayName: 'A' },
  ),
  user('path-less "schemas" key is ignored', ada, [replace(undefined, { schemas: [CORE], title: 'T' })], {
    ...ada,
    title: 'T',
  }),
  user(
    'path-less read-only keys are ignored (RFC 7643 §2.2)',
    ada,
    [replace(undefined, { id: 'x', meta: { version: 'W/"9"' }, groups: [{ value: 'g' }], title: 'T' })],
    { ...ada, title: 'T' },
  ),
  user(
    'path-less complex value merges',
    babs,
    [replace(undefined, { name: { givenName: 'B' } })],
    babsWith({ name: { givenName: 'B', familyName: 'Jensen' } }),
  ),
  user(
    'path-less extension object sets its attributes',
    babs,
    [replace(undefined, { [E]: { costCenter: 'CC-4', manager: 'mgr-4' } })],
    babsEnterprise({ costCenter: 'CC-4', manager: { value: 'mgr-4' } }),
  ),
  user(
    'path-less extension set to null clears it',
    babs,
    [replace(undefined, { [E]: null })],
    babsWith({ [E]: undefined }),
  ),
  user(
    'path-less URN-qualified core key with a sub-attribute',
    babs,
    [replace(undefined, { [`${CORE}:name.givenName`]: 'B' })],
    babsWith({ name: { givenName: 'B', familyName: 'Jensen' } }),
  ),
  user(
    'path-less URN-qualified extension key with a sub-attribute',
    babs,
    [replace(undefined, { [`${E}:manager.value`]: 'mgr-5' })],
    babsEnterprise({ manager: { value: 'mgr-5' } }),
  ),
  user(
    'path-less null removes an attribute',
    babs,
    [replace(undefined, { displayName: null })],
    babsWith({ displayName: undefined }),
  ),
  user('path-less add of null adds nothing', babs, [add(undefined, { displayName: null })], babs),
  user('an empty path is read as no path', ada, [{ op: 'replace', path: '', value: { title: 'T' } }], {
    ...ada,
    title: 'T',
  }),
];
