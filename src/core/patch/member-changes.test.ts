import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScimError } from '../errors.js';
import { groupResourceType } from '../schema/resource-types.js';
import { applyPatch } from './apply-patch.js';
import { matchesMemberFilter } from './member-changes.js';
import { parsePatchRequest } from './parse-patch-request.js';
import { patchBody } from './patch.fixtures.js';
import type { MemberChanges } from './patch-operation.js';

interface Member {
  readonly value: string;
  readonly type: 'User' | 'Group';
}

const IDS = ['u1', 'u2', 'u3', 'g1', 'g2'];
const member = (value: string): Member => ({ value, type: value.startsWith('g') ? 'Group' : 'User' });
const ids = fc.subarray(IDS);

const FILTERS = [
  'value eq "u1"',
  'value eq "u2" or value eq "g1"',
  'type eq "Group"',
  'type eq "User"',
  'value sw "u"',
  'not (value eq "u3")',
];

/** Membership operations as Okta, Entra ID and JumpCloud send them. */
const memberOperation = fc.oneof(
  ids.map((list) => ({ op: 'add', path: 'members', value: list.map((value) => ({ value })) })),
  ids.map((list) => ({ op: 'Remove', path: 'members', value: list.map((value) => ({ value })) })),
  ids.map((list) => ({ op: 'replace', path: 'members', value: list.map((value) => ({ value })) })),
  fc.constant({ op: 'remove', path: 'members' }),
  fc.constantFrom(...FILTERS).map((filter) => ({ op: 'remove', path: `members[${filter}]` })),
);

/** The truth: each operation applied in turn to a known membership. */
function applyInTurn(
  stored: readonly string[],
  operations: readonly { op: string; path: string; value?: { value: string }[] }[],
) {
  let current = new Set(stored);
  for (const { op, path, value } of operations) {
    const listed = (value ?? []).map((v) => v.value);
    const name = op.toLowerCase();
    if (name === 'add') listed.forEach((id) => current.add(id));
    else if (name === 'replace') current = new Set(listed);
    else if (path === 'members' && value === undefined) current = new Set();
    else if (path === 'members') listed.forEach((id) => current.delete(id));
    else {
      const filtered = parsePatchRequest(groupResourceType, patchBody([{ op: 'remove', path }]))[0]?.target;
      if (filtered?.kind !== 'filtered') throw new Error('expected a filtered target');
      current = new Set([...current].filter((id) => !matchesMemberFilter(filtered.filter, member(id))));
    }
  }
  return [...current].sort();
}

/** What the storage layer does with MemberChanges, in the documented order. */
function applyChanges(stored: readonly string[], changes: MemberChanges) {
  let current = changes.replaceAll ?? (changes.removeAll ? [] : [...stored]);
  const where = changes.removeWhere;
  if (where !== undefined) current = current.filter((id) => !matchesMemberFilter(where, member(id)));
  current = current.filter((id) => !changes.remove.includes(id));
  return [...new Set([...current, ...changes.add])].sort();
}

describe('memberChanges', () => {
  it('applied in the documented order, gives the same membership as the operations one by one', () => {
    let refused = 0;
    fc.assert(
      fc.property(ids, fc.array(memberOperation, { minLength: 1, maxLength: 6 }), (stored, operations) => {
        let changes: MemberChanges;
        try {
          changes = applyPatch(
            groupResourceType,
            { displayName: 'G' },
            parsePatchRequest(groupResourceType, patchBody(operations)),
          ).memberChanges;
        } catch (error) {
          // Refused only for a non-value filter after an add in the same request (see removeMembersWhere).
          expect(error).toBeInstanceOf(ScimError);
          expect((error as ScimError).scimType).toBe('invalidFilter');
          refused += 1;
          return;
        }
        expect(applyChanges(stored, changes)).toEqual(applyInTurn(stored, operations));
        // Invariants of the normal form.
        expect(changes.add.filter((id) => changes.remove.includes(id))).toEqual([]);
        expect(changes.replaceAll === undefined || changes.replaceAll.length > 0).toBe(true);
        expect(changes.replaceAll !== undefined && changes.removeAll).toBe(false);
        if (changes.replaceAll !== undefined || changes.removeAll) expect(changes.remove).toEqual([]);
      }),
      { numRuns: 2000 },
    );
    expect(refused).toBeLessThan(1000);
  });

  it('matchesMemberFilter evaluates a removeWhere filter against a stored member', () => {
    const [operation] = parsePatchRequest(
      groupResourceType,
      patchBody([{ op: 'remove', path: 'members[type eq "group" and display sw "ops"]' }]),
    );
    const target = operation?.target;
    if (target?.kind !== 'filtered') throw new Error('expected a filtered target');
    expect(matchesMemberFilter(target.filter, { value: 'g1', type: 'Group', display: 'Ops team' })).toBe(
      true,
    );
    expect(matchesMemberFilter(target.filter, { value: 'g1', type: 'Group', display: 'Sales' })).toBe(false);
    expect(matchesMemberFilter(target.filter, { value: 'u1', type: 'User', display: 'Ops person' })).toBe(
      false,
    );
  });
});
