import { InvalidValueError, MutabilityError } from '../errors.js';
import { isPlainObject, type JsonObject } from '../resource/json.js';
import type { AttributeDefinition } from '../schema/attribute-definition.js';
import type { ResourceTypeDefinition } from '../schema/resource-types.js';
import { jsonEqual } from './json-value.js';

/**
 * Rules that hold for the request as a whole, checked once every operation has been applied:
 * - a required attribute (userName, a group's displayName) that had a value keeps one: removing it, or
 *   replacing it with null or blank, is `invalidValue`, as coerceResource rules for POST and PUT
 *   (RFC 7643 §2.2 `required`; RFC 7644 §3.5.2.2 leaves the error type open);
 * - an immutable attribute that had a value still has the same one (RFC 7643 §2.2: it may be set once,
 *   never updated); setting it when it was unassigned is allowed. Singular attributes, sub-attributes
 *   of singular complex ones and whole immutable multi-valued attributes are compared; immutable
 *   sub-attributes of multi-valued elements are checked where a filtered write sets them.
 */
export function checkPatchedResource(
  type: ResourceTypeDefinition,
  before: JsonObject,
  after: JsonObject,
): void {
  for (const definition of type.schema.attributes) {
    if (definition.required && !isBlank(before[definition.name]) && isBlank(after[definition.name])) {
      throw new InvalidValueError(`Attribute "${definition.name}" is required and cannot be removed.`);
    }
  }
  checkImmutable(type.schema.attributes, before, after, '');
  for (const extension of type.extensions) {
    const old = before[extension.schema.id];
    const now = after[extension.schema.id];
    if (isPlainObject(old)) {
      checkImmutable(
        extension.schema.attributes,
        old,
        isPlainObject(now) ? now : {},
        `${extension.schema.id}:`,
      );
    }
  }
}

function checkImmutable(
  definitions: readonly AttributeDefinition[],
  before: JsonObject,
  after: JsonObject,
  prefix: string,
): void {
  for (const definition of definitions) {
    const old = before[definition.name];
    if (old === undefined) continue;
    const now = after[definition.name];
    if (definition.mutability === 'immutable' && !jsonEqual(old, now)) {
      throw new MutabilityError(
        `Attribute "${prefix}${definition.name}" is immutable (RFC 7643 §2.2) and cannot be changed once set.`,
      );
    }
    if (!definition.multiValued && definition.subAttributes !== undefined && isPlainObject(old)) {
      checkImmutable(
        definition.subAttributes,
        old,
        isPlainObject(now) ? now : {},
        `${prefix}${definition.name}.`,
      );
    }
  }
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}
