import {
  add,
  guides,
  remove,
  replace,
  type ExpectedMemberChanges,
  type PatchCase,
} from './patch.fixtures.js';

const group = (
  name: string,
  operations: readonly unknown[],
  memberChanges: ExpectedMemberChanges,
  after: PatchCase['after'] = guides,
  before: PatchCase['before'] = guides,
): PatchCase => ({ name, type: 'Group', before, operations, after, memberChanges });

const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/** Group displayName and membership: members become MemberChanges, never part of the stored JSON. */
export const groupPatchCases: readonly PatchCase[] = [
  group('replace of displayName', [replace('displayName', 'Guides')], {}, { displayName: 'Guides' }),
  group('add of members asks for those ids', [add('members', [{ value: 'u1' }, { value: 'u2' }])], {
    add: ['u1', 'u2'],
  }),
  group('add of members as bare ids', [add('members', ['u1', 'u2'])], { add: ['u1', 'u2'] }),
  group('add of members de-duplicates ids', [add('members', [{ value: 'u1' }, { value: 'u1' }])], {
    add: ['u1'],
  }),
  group(
    'member display and type in a value are ignored',
    [add('members', [{ value: 'u1', display: 'Babs', type: 'User' }])],
    { add: ['u1'] },
  ),
  group('add of no members changes nothing', [add('members', [])], {}),
  group('replace of members replaces the whole membership', [replace('members', [{ value: 'u1' }])], {
    replaceAll: ['u1'],
  }),
  group('replace of members with [] removes them all', [replace('members', [])], { removeAll: true }),
  group('replace of members with null removes them all', [replace('members', null)], { removeAll: true }),
  group('replace through the core-schema URN path', [replace(`${GROUP}:members`, [{ value: 'u1' }])], {
    replaceAll: ['u1'],
  }),
  group('remove of members removes them all', [remove('members')], { removeAll: true }),
  group(
    'remove of members with a value list removes only those (Entra ID legacy)',
    [remove('members', [{ value: 'u1' }])],
    { remove: ['u1'] },
  ),
  group('remove with an empty value list changes nothing', [remove('members', [])], {}),
  group('remove members[value eq] becomes a list of ids', [remove('members[value eq "u1"]')], {
    remove: ['u1'],
  }),
  group(
    'remove members[value eq or value eq] becomes a list of ids',
    [remove('members[value eq "u1" or value eq "u2"]')],
    { remove: ['u1', 'u2'] },
  ),
  group('remove with any other filter is handed over as removeWhere', [remove('members[type eq "Group"]')], {
    removeWhere: 'type eq "Group"',
  }),
  group(
    'remove with a display filter is handed over as removeWhere',
    [remove('members[display co "temp"]')],
    { removeWhere: 'display co "temp"' },
  ),
  group(
    'two removeWhere filters combine with or',
    [remove('members[type eq "Group"]'), remove('members[display sw "x"]')],
    { removeWhere: '(type eq "Group" or display sw "x")' },
  ),
  group(
    'add then remove of the same id is a removal',
    [add('members', ['u1']), remove('members[value eq "u1"]')],
    { remove: ['u1'] },
  ),
  group(
    'remove then add of the same id is an addition',
    [remove('members[value eq "u1"]'), add('members', ['u1'])],
    { add: ['u1'] },
  ),
  group(
    'a replacement discards what came before it',
    [add('members', ['u1']), remove('members', ['u2']), replace('members', ['u3'])],
    { replaceAll: ['u3'] },
  ),
  group('adds after a replacement join it', [replace('members', ['u1']), add('members', ['u2'])], {
    replaceAll: ['u1', 'u2'],
  }),
  group(
    'removals after a replacement leave it',
    [replace('members', ['u1', 'u2']), remove('members[value eq "u1"]')],
    { replaceAll: ['u2'] },
  ),
  group('removing every replaced id removes all', [replace('members', ['u1']), remove('members', ['u1'])], {
    removeAll: true,
  }),
  group('adds after remove-all become the replacement', [remove('members'), add('members', ['u3'])], {
    replaceAll: ['u3'],
  }),
  group(
    'a filter on value removes ids added earlier in the request',
    [add('members', ['u1', 'x1']), remove('members[value sw "u"]')],
    { add: ['x1'], removeWhere: 'value sw "u"' },
  ),
  group(
    'removeWhere after a replacement applies to the replaced set',
    [replace('members', ['u1', 'g1']), remove('members[type eq "Group"]')],
    { replaceAll: ['u1', 'g1'], removeWhere: 'type eq "Group"' },
  ),
  group('adds after removeWhere are kept', [remove('members[type eq "Group"]'), add('members', ['g2'])], {
    add: ['g2'],
    removeWhere: 'type eq "Group"',
  }),
  group(
    'members in the stored resource are never part of the result',
    [replace('displayName', 'G')],
    {},
    { displayName: 'G' },
    { displayName: 'Tour Guides', members: [{ value: 'u1' }] },
  ),
  group('path-less add of members', [add(undefined, { members: [{ value: 'u1' }] })], { add: ['u1'] }),
];
