import { InvalidValueError } from '../errors.js';
import { coerceAttribute } from '../resource/coerce-resource.js';
import { findSubAttribute, type AttributeDefinition } from '../schema/attribute-definition.js';

/**
 * Validates and converts a PATCH value for `definition` with the same rules as POST and PUT
 * (coerceAttribute: types checked, Entra ID's "True"/"False" strings, exact duplicates dropped, at most
 * one primary per array, readOnly sub-attributes dropped). Returns undefined for an unassigned value
 * (RFC 7643 §2.5: null, "" for a reference by id, [] and objects with nothing writable).
 *
 * Entra ID sets the enterprise `manager` as a bare id string; a singular complex attribute with a
 * `value` sub-attribute accepts a primitive as that `value`, and "" as "no manager".
 */
export function coercePatchValue(definition: AttributeDefinition, value: unknown, label: string): unknown {
  if (
    definition.type === 'complex' &&
    !definition.multiValued &&
    (typeof value === 'string' || typeof value === 'number') &&
    findSubAttribute(definition, 'value') !== undefined
  ) {
    if (value === '') return undefined;
    return coerceAttribute(definition, { value }, label);
  }
  return coerceAttribute(definition, value, label);
}

/**
 * Coerces one element of a multi-valued attribute (an object, or a bare primitive taken as its
 * `value`). A one-element array is accepted for the element, as some clients wrap it.
 */
export function coerceElement(definition: AttributeDefinition, value: unknown, label: string): unknown {
  const single = Array.isArray(value) && value.length === 1 ? value[0] : value;
  if (Array.isArray(single)) {
    throw new InvalidValueError(
      `"${label}" selects elements of "${definition.name}": give one element, not an array.`,
    );
  }
  const coerced = coerceAttribute(definition, [single], label);
  return Array.isArray(coerced) ? coerced[0] : undefined;
}

/** The elements of a multi-valued attribute as stored, as a fresh array. */
export function elementsOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? [...value] : [value];
}
