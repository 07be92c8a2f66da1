import type { AttributeDefinition } from '../schema/attribute-definition.js';
import type { ResourceTypeDefinition } from '../schema/resource-types.js';
import { MutabilityError } from '../errors.js';
import { isPlainObject, type JsonObject } from './json.js';

/**
 * RFC 7643 §2.2: an immutable attribute may be set once; a replace (PUT) may repeat the value but not
 * change it. Multi-valued complex attributes (group members) are identified element by element, so
 * their immutable sub-attributes are checked per element by the membership logic, not here.
 */
export function checkImmutable(
  type: ResourceTypeDefinition,
  existing: JsonObject,
  incoming: JsonObject,
): void {
  check(type.schema.attributes, existing, incoming, '');
  for (const extension of type.extensions) {
    const before = existing[extension.schema.id];
    const after = incoming[extension.schema.id];
    if (isPlainObject(before))
      check(extension.schema.attributes, before, isPlainObject(after) ? after : {}, '');
  }
}

function check(
  definitions: readonly AttributeDefinition[],
  existing: JsonObject,
  incoming: JsonObject,
  prefix: string,
): void {
  for (const definition of definitions) {
    if (definition.multiValued) continue;
    const before = existing[definition.name];
    const after = incoming[definition.name];
    if (before === undefined) continue;
    if (definition.mutability === 'immutable' && after !== undefined && !sameValue(before, after)) {
      throw new MutabilityError(
        `Attribute "${prefix}${definition.name}" is immutable and cannot be changed.`,
      );
    }
    if (definition.type === 'complex' && isPlainObject(before) && definition.subAttributes) {
      check(
        definition.subAttributes,
        before,
        isPlainObject(after) ? after : {},
        `${prefix}${definition.name}.`,
      );
    }
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
