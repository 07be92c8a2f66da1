import type { ResolvedPath } from '../path/attribute-path.js';
import { isPlainObject, type JsonObject } from '../resource/json.js';

/**
 * Where a resolved attribute lives in a resource in wire form: core attributes at the top level,
 * extension attributes under their schema URN (RFC 7643 §3.3). Names are canonical.
 */
export function readAttribute(resource: JsonObject, path: ResolvedPath): unknown {
  const container = path.isExtension ? resource[path.schemaUrn] : resource;
  return isPlainObject(container) ? container[path.attribute.name] : undefined;
}

/**
 * Sets (or, for undefined, removes) an attribute. Empty values are removed rather than stored
 * (RFC 7643 §2.5: unassigned, null and [] are the same state), and an extension left with no
 * attributes is removed, so the resource does not claim that extension's schema.
 */
export function writeAttribute(resource: JsonObject, path: ResolvedPath, value: unknown): void {
  const name = path.attribute.name;
  const empty = isEmpty(value);
  if (!path.isExtension) {
    if (empty) delete resource[name];
    else resource[name] = value;
    return;
  }
  const existing = resource[path.schemaUrn];
  const container: JsonObject = isPlainObject(existing) ? existing : {};
  if (empty) delete container[name];
  else container[name] = value;
  if (Object.keys(container).length === 0) delete resource[path.schemaUrn];
  else resource[path.schemaUrn] = container;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isPlainObject(value) && Object.keys(value).length === 0;
}
