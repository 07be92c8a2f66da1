import { InvalidValueError, MutabilityError } from '../errors.js';
import { coerceAttribute } from '../resource/coerce-resource.js';
import { isPlainObject } from '../resource/json.js';
import type { AttributeDefinition } from '../schema/attribute-definition.js';
import type { ResourceTypeDefinition } from '../schema/resource-types.js';
import { elementsOf } from './coerce-patch-value.js';
import {
  addMembers,
  removeMembers,
  removeMembersWhere,
  replaceMembers,
  type MemberState,
} from './member-changes.js';
import type { PatchOperation, PatchTarget } from './patch-operation.js';

/** A Group's `members` are stored as rows, so operations on them become MemberChanges, not JSON edits. */
export function isMembersTarget(type: ResourceTypeDefinition, target: PatchTarget): boolean {
  return type.name === 'Group' && !target.path.isExtension && target.path.attribute.name === 'members';
}

/**
 * Folds one `members` operation into the membership state:
 * - `add members` → add the ids (Okta, Entra ID);
 * - `replace members` → the ids become the whole membership (Okta); null or [] → none;
 * - `remove members` → remove all; with a value list → only those ids (Entra ID's legacy form);
 * - `remove members[filter]` → see removeMembersWhere.
 * Elements are identified by their immutable `value`, so writes to a member's sub-attributes, or
 * add/replace through a filter (which would edit members in place), are `mutability` errors.
 */
export function applyMemberOperation(
  state: MemberState,
  operation: PatchOperation & { readonly target: PatchTarget },
): MemberState {
  const { op, target, value } = operation;
  const definition = target.path.attribute;
  const sub = target.kind === 'filtered' ? target.subAttribute : target.path.subAttribute;
  if (sub !== undefined || (target.kind === 'filtered' && op !== 'remove')) {
    throw new MutabilityError(
      `"${target.text}": group members are identified by "value" and cannot be edited in place; add or remove them instead.`,
    );
  }
  if (target.kind === 'filtered') return removeMembersWhere(state, target.filter);
  switch (op) {
    case 'add':
      if (value === undefined) throw new InvalidValueError(`"add" of "${target.text}" needs a "value".`);
      return addMembers(state, memberIds(definition, value, target.text));
    case 'replace':
      if (value === undefined) throw new InvalidValueError(`"replace" of "${target.text}" needs a "value".`);
      return replaceMembers(memberIds(definition, value, target.text));
    case 'remove':
      return value === undefined || value === null
        ? replaceMembers([])
        : removeMembers(state, memberIds(definition, value, target.text));
  }
}

/** `[{"value": "id"}, …]`, a lone object, or bare ids; every element must name a member by `value`. */
function memberIds(definition: AttributeDefinition, value: unknown, label: string): string[] {
  return elementsOf(value).map((item, index) => {
    const coerced = elementsOf(coerceAttribute(definition, [item], `${label}[${index}]`))[0];
    const id = isPlainObject(coerced) ? coerced.value : undefined;
    if (typeof id !== 'string' || id === '') {
      throw new InvalidValueError(
        `"${label}[${index}]" must name a member by its "value" (the member's id).`,
      );
    }
    return id;
  });
}
