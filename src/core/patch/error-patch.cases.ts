import type { ScimType } from '../errors.js';
import { PATCH_OP_SCHEMA } from '../schema/schema-urns.js';
import { ada, add, babs, E, guides, remove, replace, type PatchCase } from './patch.fixtures.js';

const fails = (
  name: string,
  type: 'User' | 'Group',
  before: PatchCase['before'],
  operations: readonly unknown[],
  scimType: ScimType,
  body?: unknown,
): PatchCase => ({
  name,
  type,
  before,
  operations,
  error: { scimType },
  ...(body === undefined ? {} : { body }),
});

const userFails = (name: string, operations: readonly unknown[], scimType: ScimType) =>
  fails(name, 'User', babs, operations, scimType);
const groupFails = (name: string, operations: readonly unknown[], scimType: ScimType) =>
  fails(name, 'Group', guides, operations, scimType);
const badBody = (name: string, body: unknown) => fails(name, 'User', babs, [], 'invalidSyntax', body);

const ok = [replace('title', 'T')];

/** Every error a PATCH can produce (RFC 7644 §3.12 scimTypes), and atomicity. */
export const errorPatchCases: readonly PatchCase[] = [
  // invalidSyntax: the body does not have the PatchOp shape.
  badBody('a body that is not an object', [ok]),
  badBody('a body without schemas', { Operations: ok }),
  badBody('schemas without the PatchOp URI', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    Operations: ok,
  }),
  badBody('schemas that is not an array', { schemas: PATCH_OP_SCHEMA, Operations: ok }),
  badBody('no Operations', { schemas: [PATCH_OP_SCHEMA] }),
  badBody('empty Operations', { schemas: [PATCH_OP_SCHEMA], Operations: [] }),
  badBody('Operations that is not an array', { schemas: [PATCH_OP_SCHEMA], Operations: ok[0] }),
  userFails('an operation that is not an object', ['replace'], 'invalidSyntax'),
  userFails('an operation without op', [{ path: 'title', value: 'T' }], 'invalidSyntax'),
  userFails('an unknown op', [{ op: 'copy', path: 'title', value: 'T' }], 'invalidSyntax'),
  userFails('a path that is not a string', [{ op: 'replace', path: 7, value: 'T' }], 'invalidSyntax'),

  // noTarget.
  userFails('remove without a path (RFC 7644 §3.5.2.2)', [{ op: 'remove' }], 'noTarget'),
  userFails('Entra-style Remove without a path', [{ op: 'Remove', value: { title: 'T' } }], 'noTarget'),
  userFails(
    'replace with a filter matching nothing (RFC 7644 §3.5.2.3)',
    [replace('emails[type eq "other"]', { value: 'o@e.example' })],
    'noTarget',
  ),
  userFails(
    'add of a filtered sub-attribute when nothing matches and the filter is not "eq"',
    [add('emails[type co "oth"].value', 'o@e.example')],
    'noTarget',
  ),
  userFails(
    'add of a filtered sub-attribute when nothing matches an "or"',
    [add('emails[type eq "a" or type eq "b"].value', 'x@e.example')],
    'noTarget',
  ),
  userFails(
    'add of a filtered sub-attribute when nothing matches a "not"',
    [add('phoneNumbers[not (type eq "work")].value', '1')],
    'noTarget',
  ),
  fails(
    'replace of a sub-attribute of every value when there are none',
    'User',
    ada,
    [replace('emails.value', 'a@e.example')],
    'noTarget',
  ),

  // invalidPath.
  userFails('an unknown attribute', [replace('shoeSize', 44)], 'invalidPath'),
  userFails('an unknown sub-attribute', [replace('name.petName', 'x')], 'invalidPath'),
  userFails('a path with a syntax error', [replace('name..givenName', 'x')], 'invalidPath'),
  userFails(
    'a value filter on a singular attribute',
    [replace('name[givenName eq "x"].familyName', 'y')],
    'invalidPath',
  ),
  userFails('a sub-attribute of a simple attribute', [replace('userName.x', 'y')], 'invalidPath'),
  userFails('an unknown schema URN', [replace('urn:example:custom:2.0:User:costCode', 'x')], 'invalidPath'),
  userFails(
    'an unknown sub-attribute after a filter',
    [replace('emails[type eq "work"].foo', 'x')],
    'invalidPath',
  ),
  userFails('a trailing dot after a filter', [replace('emails[type eq "work"].', 'x')], 'invalidPath'),
  userFails('an unclosed bracket', [remove('emails[type eq "work"')], 'invalidPath'),
  userFails('members on a User', [add('members', ['u1'])], 'invalidPath'),
  groupFails('userName on a Group', [replace('userName', 'x')], 'invalidPath'),
  userFails(
    'an extension attribute under the core URN',
    [replace(`urn:ietf:params:scim:schemas:core:2.0:User:employeeNumber`, '1')],
    'invalidPath',
  ),

  // invalidFilter: problems inside the brackets.
  userFails('an unquoted string in a filter', [remove('emails[type eq work]')], 'invalidFilter'),
  userFails('an unknown sub-attribute in a filter', [remove('emails[foo eq "x"]')], 'invalidFilter'),
  userFails('a mistyped comparison value in a filter', [remove('emails[primary eq "yes"]')], 'invalidFilter'),
  userFails('an empty filter', [remove('emails[]')], 'invalidFilter'),
  userFails('a nested value filter', [remove('emails[type eq "work" and value[x pr]]')], 'invalidFilter'),
  groupFails(
    'a members filter on type after an add in the same request',
    [add('members', ['u1']), remove('members[type eq "User"]')],
    'invalidFilter',
  ),

  // mutability: read-only targets (RFC 7643 §2.2).
  userFails('replace of id', [replace('id', 'x')], 'mutability'),
  userFails('remove of meta', [remove('meta')], 'mutability'),
  userFails(
    'replace of meta.lastModified',
    [replace('meta.lastModified', '2024-01-01T00:00:00Z')],
    'mutability',
  ),
  userFails('add to groups', [add('groups', [{ value: 'g1' }])], 'mutability'),
  userFails('remove of groups', [remove('groups')], 'mutability'),
  userFails('replace of manager.displayName', [replace(`${E}:manager.displayName`, 'Boss')], 'mutability'),
  groupFails('replace of members.display', [replace('members.display', 'x')], 'mutability'),
  groupFails(
    'replace of a filtered member display',
    [replace('members[value eq "u1"].display', 'x')],
    'mutability',
  ),

  // mutability: immutable member sub-attributes; members are not edited in place.
  groupFails('replace of a member value', [replace('members[value eq "u1"].value', 'u2')], 'mutability'),
  groupFails('add of a member type', [add('members[value eq "u1"].type', 'Group')], 'mutability'),
  groupFails(
    'replace of a member through a filter',
    [replace('members[value eq "u1"]', { value: 'u2' })],
    'mutability',
  ),
  groupFails('remove of a member sub-attribute', [remove('members[value eq "u1"].value')], 'mutability'),

  // invalidValue.
  userFails('add without a value', [{ op: 'add', path: 'title' }], 'invalidValue'),
  userFails('add with a null value', [add('title', null)], 'invalidValue'),
  userFails('replace without a value', [{ op: 'replace', path: 'title' }], 'invalidValue'),
  userFails('path-less replace with a string value', [replace(undefined, 'x')], 'invalidValue'),
  userFails('path-less add with an array value', [add(undefined, [{ title: 'T' }])], 'invalidValue'),
  userFails(
    'path-less extension key with a string value',
    [replace(undefined, { [E]: 'x' })],
    'invalidValue',
  ),
  userFails('a path naming the extension with a string value', [add(E, 'x')], 'invalidValue'),
  userFails('a boolean given as "yes"', [replace('active', 'yes')], 'invalidValue'),
  userFails(
    'a filtered boolean given as "maybe"',
    [replace('emails[type eq "work"].primary', 'maybe')],
    'invalidValue',
  ),
  userFails('an array for a singular attribute', [replace('title', ['a', 'b'])], 'invalidValue'),
  userFails('a string for a complex attribute', [replace('name', 'Babs')], 'invalidValue'),
  userFails(
    'a filtered replace with several elements',
    [replace('emails[type eq "work"]', [{ value: 'a@e' }, { value: 'b@e' }])],
    'invalidValue',
  ),
  userFails('remove of the required userName', [remove('userName')], 'invalidValue'),
  userFails('replace of userName with ""', [replace('userName', '  ')], 'invalidValue'),
  userFails('replace of userName with null', [replace('userName', null)], 'invalidValue'),
  userFails(
    'path-less replace of userName with null',
    [replace(undefined, { userName: null })],
    'invalidValue',
  ),
  groupFails('remove of the required group displayName', [remove('displayName')], 'invalidValue'),
  groupFails('a member without a value', [add('members', [{ display: 'Babs' }])], 'invalidValue'),

  // Atomicity: a later failure undoes nothing because nothing was applied (inputs are frozen in the test).
  userFails(
    'a valid operation followed by a failing one fails as a whole',
    [replace('title', 'T'), replace('id', 'x')],
    'mutability',
  ),
  userFails(
    'a failure after several writes to the same attribute',
    [add('emails', [{ value: 'n@e.example' }]), replace('emails[type eq "x"]', { value: 'y@e.example' })],
    'noTarget',
  ),
  groupFails(
    'member changes before a failure are not returned',
    [add('members', ['u1']), remove('displayName')],
    'invalidValue',
  ),
];
