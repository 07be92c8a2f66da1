import { InvalidFilterError } from '../errors.js';
import type { ResolvedFilter } from '../filter/filter-ast.js';
import type { ResolvedPath } from '../path/attribute-path.js';
import { findAttribute, groupResourceType } from '../schema/resource-types.js';
import { elementMatches } from './element-filter.js';
import type { MemberChanges } from './patch-operation.js';

/**
 * The membership a sequence of `members` operations asks for, folded into the normal form of
 * MemberChanges: new = ((reset ?? stored) minus `where`-matches minus `remove`) plus `add`.
 * Each function returns the state for "the old state, then this operation", so later operations
 * override earlier ones exactly as if they had been applied one by one (add then remove of an id is a
 * removal; remove then add is an addition; a replacement discards everything before it).
 */
export interface MemberState {
  /** The membership to start from instead of the stored one ([] = remove all). */
  readonly reset: readonly string[] | undefined;
  readonly where: ResolvedFilter | undefined;
  readonly remove: readonly string[];
  readonly add: readonly string[];
}

export const noMemberChanges: MemberState = Object.freeze({
  reset: undefined,
  where: undefined,
  remove: Object.freeze([]),
  add: Object.freeze([]),
});

export function addMembers(state: MemberState, ids: readonly string[]): MemberState {
  if (state.reset !== undefined && state.where === undefined) {
    return { ...state, reset: union(state.reset, ids) };
  }
  return { ...state, add: union(state.add, ids), remove: minus(state.remove, ids) };
}

export function removeMembers(state: MemberState, ids: readonly string[]): MemberState {
  const add = minus(state.add, ids);
  if (state.reset !== undefined) return { ...state, reset: minus(state.reset, ids), add };
  return { ...state, add, remove: union(state.remove, ids) };
}

/** RFC 7644 §3.5.2.3 `replace` of `members`; also `remove` of all members (ids = []). */
export function replaceMembers(ids: readonly string[]): MemberState {
  return { reset: union([], ids), where: undefined, remove: [], add: [] };
}

/**
 * RFC 7644 §3.5.2.2 `remove` with `members[filter]`. A filter that is `value eq "id"` or an `or` of such
 * (Okta and Entra ID send these) becomes a list of ids. Any other filter is handed to the caller as
 * `removeWhere`, to test against stored members; ids added earlier in the same request are tested here,
 * which is exact only when the filter looks at `value` alone, so a filter on `type`, `display` or `$ref`
 * after an add in the same request is refused as `invalidFilter` rather than applied wrongly.
 */
export function removeMembersWhere(state: MemberState, filter: ResolvedFilter): MemberState {
  const ids = idsOf(filter);
  if (ids !== undefined) return removeMembers(state, ids);
  if (state.add.length > 0 && !onlyValue(filter)) {
    throw new InvalidFilterError(
      'A members filter on anything but "value" cannot follow an add of members in the same request; send it in a separate PATCH.',
    );
  }
  const add = state.add.filter((id) => !matchesMemberFilter(filter, { value: id }));
  if (state.reset !== undefined && state.reset.length === 0) return { ...state, add };
  const where: ResolvedFilter =
    state.where === undefined ? filter : { kind: 'or', left: state.where, right: filter };
  return { ...state, where, add };
}

export function memberChanges(state: MemberState): MemberChanges {
  const reset = state.reset === undefined ? undefined : [...state.reset];
  const changes: MemberChanges = {
    add: [...state.add],
    remove: [...state.remove],
    replaceAll: reset !== undefined && reset.length > 0 ? reset : undefined,
    removeAll: reset !== undefined && reset.length === 0,
  };
  if (state.where !== undefined) changes.removeWhere = state.where;
  return changes;
}

const membersPath = (() => {
  const located = findAttribute(groupResourceType, 'members');
  if (located === undefined) throw new Error('The Group schema has no "members" attribute.');
  const path: ResolvedPath = {
    kind: 'resolvedPath',
    schemaUrn: located.schemaUrn,
    isExtension: located.isExtension,
    attribute: located.definition,
    subAttribute: undefined,
  };
  return path;
})();

/** Whether a stored member matches a `removeWhere` filter, with the in-memory evaluator's semantics. */
export function matchesMemberFilter(
  filter: ResolvedFilter,
  member: {
    readonly value: string;
    readonly type?: string;
    readonly display?: string;
    readonly $ref?: string;
  },
): boolean {
  return elementMatches(membersPath, filter, member);
}

function idsOf(filter: ResolvedFilter): string[] | undefined {
  if (filter.kind === 'or') {
    const left = idsOf(filter.left);
    const right = idsOf(filter.right);
    return left === undefined || right === undefined ? undefined : union(left, right);
  }
  if (filter.kind === 'compare' && filter.op === 'eq' && filter.path.subAttribute?.name === 'value') {
    // members.value is caseExact, so equality is exact and the literal is the id.
    return typeof filter.value === 'string' ? [filter.value] : undefined;
  }
  return undefined;
}

function onlyValue(filter: ResolvedFilter): boolean {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return onlyValue(filter.left) && onlyValue(filter.right);
    case 'not':
      return onlyValue(filter.filter);
    case 'valuePath':
      return false;
    default:
      return filter.path.subAttribute?.name === 'value';
  }
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function minus(a: readonly string[], b: readonly string[]): string[] {
  const drop = new Set(b);
  return a.filter((id) => !drop.has(id));
}
