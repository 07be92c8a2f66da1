import type { AttributeDefinition } from '../schema/attribute-definition.js';
import { commonAttributes } from '../schema/common-attributes.js';
import type { ResourceTypeDefinition } from '../schema/resource-types.js';
import { isPlainObject, type JsonObject } from './json.js';

/**
 * Shapes a full wire representation for a response by the `returned` characteristic (RFC 7643 §7):
 * `never` attributes are dropped; `request` attributes only appear when asked for. The caller passes the
 * attributes the client listed (canonical top-level names), if any.
 */
export function projectResource(
  type: ResourceTypeDefinition,
  resource: JsonObject,
  requested: ReadonlySet<string> = new Set(),
): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(resource)) {
    if (key === 'schemas') {
      out[key] = value;
      continue;
    }
    const extension = type.extensions.find((e) => e.schema.id === key);
    if (extension) {
      if (isPlainObject(value)) {
        const projected = projectAttributes(extension.schema.attributes, value, requested);
        if (Object.keys(projected).length > 0) out[key] = projected;
      }
      continue;
    }
    const definition = findDefinition(type, key);
    if (definition && include(definition, requested)) out[key] = value;
  }
  return out;
}

function projectAttributes(
  definitions: readonly AttributeDefinition[],
  values: JsonObject,
  requested: ReadonlySet<string>,
): JsonObject {
  const out: JsonObject = {};
  for (const definition of definitions) {
    const value = values[definition.name];
    if (value !== undefined && include(definition, requested)) out[definition.name] = value;
  }
  return out;
}

function include(definition: AttributeDefinition, requested: ReadonlySet<string>): boolean {
  if (definition.returned === 'never') return false;
  if (definition.returned === 'request') return requested.has(definition.name);
  return true;
}

function findDefinition(type: ResourceTypeDefinition, name: string): AttributeDefinition | undefined {
  return commonAttributes.find((a) => a.name === name) ?? type.schema.attributes.find((a) => a.name === name);
}
