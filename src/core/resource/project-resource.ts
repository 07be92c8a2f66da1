import type { ResolvedPath } from '../path/attribute-path.js';
import type { AttributeDefinition } from '../schema/attribute-definition.js';
import { commonAttributes } from '../schema/common-attributes.js';
import type { ResourceTypeDefinition } from '../schema/resource-types.js';
import { isPlainObject, type JsonObject } from './json.js';
import { defaultProjection, type Projection } from './projection.js';

/**
 * Shapes a full wire representation for a response (RFC 7643 §7 `returned`; RFC 7644 §3.4.2.5):
 * "never" attributes are dropped, "always" ones kept, "request" ones only when listed in `attributes`;
 * `attributes` narrows the default set and `excludedAttributes` removes from it, down to sub-attributes.
 */
export function projectResource(
  type: ResourceTypeDefinition,
  resource: JsonObject,
  projection: Projection = defaultProjection,
): JsonObject {
  const index = attributeIndex(type);
  // No attributes/excludedAttributes (nearly every IdP request): each attribute is kept whole or
  // dropped by its `returned` alone, which `shape` would decide the same way at more cost.
  const plain = isDefaultProjection(projection);
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(resource)) {
    if (key === 'schemas') {
      out[key] = value;
      continue;
    }
    const entry = index.get(key);
    if (entry === undefined) continue;
    if (entry.extension) {
      if (!isPlainObject(value)) continue;
      const projected: JsonObject = {};
      for (const definition of entry.extension.schema.attributes) {
        const shaped = plain
          ? keptByDefault(definition, value[definition.name])
          : shape(entry.extension.schema.id, definition, value[definition.name], projection);
        if (shaped !== undefined) projected[definition.name] = shaped;
      }
      if (Object.keys(projected).length > 0) out[key] = projected;
      continue;
    }
    const shaped = plain
      ? keptByDefault(entry.definition, value)
      : shape(type.schema.id, entry.definition, value, projection);
    if (shaped !== undefined) out[key] = shaped;
  }
  return out;
}

/** No `attributes` and no `excludedAttributes`: what nearly every IdP request asks for. */
export function isDefaultProjection(projection: Projection): boolean {
  return projection.attributes === undefined && projection.excludedAttributes.length === 0;
}

/**
 * Whether `projectResource` under the default projection keeps every attribute of `attributes` with
 * its value as it is and the top-level names in their order: each name defined by the type, none
 * returned "never" or "request", each extension a non-empty object of its own attributes. Projection
 * rebuilds an extension in its schema's order; the members may come in another (JSON objects are
 * unordered, RFC 8259 §4; PostgreSQL's jsonb orders them its own way). A list page splices such a
 * resource's stored JSON text instead of parsing, copying and serialising it again (issue 15).
 */
export function keptWholeByDefault(type: ResourceTypeDefinition, attributes: JsonObject): boolean {
  const index = attributeIndex(type);
  for (const key of Object.keys(attributes)) {
    if (key === 'schemas') return false;
    const entry = index.get(key);
    if (entry === undefined) return false;
    const value = attributes[key];
    if (entry.extension === undefined) {
      if (keptByDefault(entry.definition, value) === undefined) return false;
      continue;
    }
    if (!isPlainObject(value)) return false;
    const definitions = extensionDefinitions(entry.extension);
    const names = Object.keys(value);
    if (names.length === 0) return false;
    for (const name of names) {
      const definition = definitions.get(name);
      if (definition === undefined || keptByDefault(definition, value[name]) === undefined) return false;
    }
  }
  return true;
}

const definitionsOfExtensions = new WeakMap<object, ReadonlyMap<string, AttributeDefinition>>();

/** An extension's attributes by name (the first, should a name repeat, as projection reads it). */
function extensionDefinitions(
  extension: ResourceTypeDefinition['extensions'][number],
): ReadonlyMap<string, AttributeDefinition> {
  let definitions = definitionsOfExtensions.get(extension);
  if (definitions === undefined) {
    const built = new Map<string, AttributeDefinition>();
    for (const definition of extension.schema.attributes)
      if (!built.has(definition.name)) built.set(definition.name, definition);
    definitions = built;
    definitionsOfExtensions.set(extension, definitions);
  }
  return definitions;
}

type IndexEntry =
  | { readonly extension: ResourceTypeDefinition['extensions'][number]; readonly definition?: undefined }
  | { readonly extension?: undefined; readonly definition: AttributeDefinition };

const indexes = new WeakMap<ResourceTypeDefinition, ReadonlyMap<string, IndexEntry>>();

/** A resource's top-level keys → what defines them (an extension, a common or a schema attribute), once per type. */
function attributeIndex(type: ResourceTypeDefinition): ReadonlyMap<string, IndexEntry> {
  let index = indexes.get(type);
  if (index === undefined) {
    const built = new Map<string, IndexEntry>();
    // Earlier wins, as the lookups it replaces did: extensions, then common attributes, then the schema's.
    for (const definition of [...type.schema.attributes].reverse())
      built.set(definition.name, { definition });
    for (const definition of [...commonAttributes].reverse()) built.set(definition.name, { definition });
    for (const extension of [...type.extensions].reverse()) built.set(extension.schema.id, { extension });
    index = built;
    indexes.set(type, index);
  }
  return index;
}

/** `shape` under the default projection: "never" and "request" attributes dropped, the rest whole. */
function keptByDefault(definition: AttributeDefinition, value: unknown): unknown {
  if (value === undefined || definition.returned === 'never' || definition.returned === 'request')
    return undefined;
  return value;
}

function shape(
  schemaUrn: string,
  definition: AttributeDefinition,
  value: unknown,
  projection: Projection,
): unknown {
  if (value === undefined || definition.returned === 'never') return undefined;
  const paths = (list: readonly ResolvedPath[]) =>
    list.filter((p) => p.schemaUrn === schemaUrn && p.attribute.name === definition.name);
  if (definition.returned === 'always') return value;

  const listed = projection.attributes === undefined ? undefined : paths(projection.attributes);
  if (listed !== undefined && listed.length === 0) return undefined;
  if (definition.returned === 'request' && listed === undefined) return undefined;
  const excluded = paths(projection.excludedAttributes);
  if (excluded.some((p) => p.subAttribute === undefined)) return undefined;

  // Whole attribute listed: keep every sub-attribute except excluded ones.
  const wholeListed = listed === undefined || listed.some((p) => p.subAttribute === undefined);
  const keepSubs = wholeListed ? undefined : new Set(listed.map((p) => p.subAttribute?.name));
  const dropSubs = new Set(excluded.map((p) => p.subAttribute?.name));
  if (definition.type !== 'complex' || (keepSubs === undefined && dropSubs.size === 0)) return value;

  const narrow = (element: unknown): unknown => {
    if (!isPlainObject(element)) return element;
    const kept: JsonObject = {};
    for (const [name, sub] of Object.entries(element)) {
      const subDefinition = definition.subAttributes?.find((s) => s.name === name);
      const always = subDefinition?.returned === 'always';
      if (!always && keepSubs !== undefined && !keepSubs.has(name)) continue;
      if (!always && dropSubs.has(name)) continue;
      kept[name] = sub;
    }
    return Object.keys(kept).length === 0 ? undefined : kept;
  };
  if (Array.isArray(value)) {
    const elements = value.map(narrow).filter((e) => e !== undefined);
    return elements.length === 0 ? undefined : elements;
  }
  return narrow(value);
}
