import { isPlainObject } from '../resource/json.js';
import { findSubAttribute, type AttributeDefinition } from '../schema/attribute-definition.js';
import { jsonEqual } from './json-value.js';

/**
 * Whether two elements of a multi-valued attribute are "the same value" for add (RFC 7644 §3.5.2.1:
 * a value already present is not added again) and for value-list removal. Complex elements that both
 * carry a `value` sub-attribute are compared by it, case-insensitively unless it is caseExact
 * (RFC 7643 §2.2); other elements must be equal as JSON.
 */
export function sameElement(definition: AttributeDefinition, a: unknown, b: unknown): boolean {
  if (definition.type !== 'complex') return samePrimitive(definition, a, b);
  const valueDefinition = findSubAttribute(definition, 'value');
  if (
    valueDefinition !== undefined &&
    isPlainObject(a) &&
    isPlainObject(b) &&
    a.value !== undefined &&
    b.value !== undefined
  ) {
    return samePrimitive(valueDefinition, a.value, b.value);
  }
  return jsonEqual(a, b);
}

function samePrimitive(definition: AttributeDefinition, a: unknown, b: unknown): boolean {
  const folds = !definition.caseExact && (definition.type === 'string' || definition.type === 'reference');
  if (folds && typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return jsonEqual(a, b);
}
