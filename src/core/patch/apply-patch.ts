import { NoTargetError } from '../errors.js';
import type { JsonObject } from '../resource/json.js';
import type { ResourceTypeDefinition } from '../schema/resource-types.js';
import { applyAttributeOperation } from './apply-attribute-operation.js';
import { applyElementOperation } from './apply-element-operation.js';
import { applyMemberOperation, isMembersTarget } from './apply-member-operation.js';
import { checkPatchedResource } from './check-patched-resource.js';
import { expandPathlessValue } from './expand-pathless-value.js';
import { cloneJson } from './json-value.js';
import { memberChanges, noMemberChanges } from './member-changes.js';
import type { PatchOperation, PatchResult } from './patch-operation.js';

/**
 * Applies PATCH operations (from parsePatchRequest) to a stored resource under its schema's rules,
 * RFC 7644 §3.5.2. Pure: `resource` is never modified; the result is a new object. Atomic: operations
 * apply in order to a private copy and the first failure throws its ScimError, so a failed request
 * changes nothing (RFC 7644 §3.5.2: "the entire request SHALL be treated as if none of the operations
 * were performed" when any fails).
 *
 * `resource` is the stored attribute set in wire form (core attributes at the top level, extension
 * attributes under their schema URN; no id, meta or groups). For Groups, `members` is never part of the
 * result: operations on it are returned as `memberChanges` for the caller to apply to membership rows.
 *
 * `strict` answers as RFC 7644 §3.5.2.3 says where identity providers expect otherwise: a `replace` whose
 * value filter matches nothing is `noTarget`, instead of creating the element the filter describes.
 */
export function applyPatch(
  type: ResourceTypeDefinition,
  resource: JsonObject,
  operations: readonly PatchOperation[],
  options: { readonly strict?: boolean } = {},
): PatchResult {
  const working = cloneJson(resource);
  if (type.name === 'Group') delete working.members;
  let members = noMemberChanges;
  for (const operation of operations) {
    const steps = operation.target === undefined ? expandPathlessValue(type, operation) : [operation];
    for (const step of steps) {
      const target = step.target;
      if (target === undefined) throw new NoTargetError('A PATCH operation has no target.');
      if (isMembersTarget(type, target)) {
        members = applyMemberOperation(members, { ...step, target });
      } else if (target.kind === 'attribute') {
        applyAttributeOperation(working, step.op, target, step.value);
      } else {
        applyElementOperation(working, step.op, target, step.value, options.strict === true);
      }
    }
  }
  checkPatchedResource(type, resource, working);
  return { resource: working, memberChanges: memberChanges(members) };
}
