import { MutabilityError } from '../errors.js';
import type { AttributeDefinition } from '../schema/attribute-definition.js';

/**
 * RFC 7644 §3.5.2: "Each operation against an attribute MUST be compatible with the attribute's
 * mutability": an explicit path to a readOnly attribute or sub-attribute (id, meta, groups,
 * members.display, manager.displayName) is a `mutability` error. (Path-less values skip readOnly keys
 * instead: see expandPathlessValue.)
 *
 * Returns false for writeOnly targets (password): Roster accepts them for compatibility but never
 * stores them, so the operation does nothing.
 */
export function checkTargetMutability(
  text: string,
  attribute: AttributeDefinition,
  subAttribute: AttributeDefinition | undefined,
): boolean {
  for (const definition of [attribute, subAttribute]) {
    if (definition?.mutability === 'readOnly') {
      throw new MutabilityError(`"${text}" is read-only (RFC 7643 §2.2) and cannot be modified.`);
    }
  }
  return attribute.mutability !== 'writeOnly' && subAttribute?.mutability !== 'writeOnly';
}
