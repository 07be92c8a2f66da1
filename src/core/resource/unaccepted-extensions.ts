import { InvalidSyntaxError } from '../errors.js';
import { findExtension, type ResourceTypeDefinition } from '../schema/resource-types.js';
import { isPlainObject } from './json.js';

/** SCIM 1.1 URNs coerceResource reads as 2.0 ones (kept in step with its legacy list). */
const LEGACY = new Set(['urn:scim:schemas:extension:enterprise:1.0']);

/**
 * The schema URNs a POST/PUT body uses that the resource type does not have: keys that are a URN
 * (an extension object) or URN-qualified attribute names (Entra's `urn:…:User:costCenter`), and
 * `schemas` entries (RFC 7643 §3: `schemas` names the schemas the resource carries).
 */
export function unacceptedSchemaUrns(type: ResourceTypeDefinition, body: unknown): string[] {
  if (!isPlainObject(body)) return [];
  const known = (urn: string) =>
    urn.toLowerCase() === type.schema.id.toLowerCase() ||
    findExtension(type, urn) !== undefined ||
    LEGACY.has(urn.toLowerCase());
  const found = new Set<string>();
  for (const key of Object.keys(body)) {
    if (!key.toLowerCase().startsWith('urn:')) continue;
    if (known(key)) continue;
    const cut = key.lastIndexOf(':');
    if (isPlainObject(body[key]) || !known(key.slice(0, cut))) {
      found.add(isPlainObject(body[key]) ? key : key.slice(0, cut));
    }
  }
  const schemas = Object.entries(body).find(([k]) => k.toLowerCase() === 'schemas')?.[1];
  if (Array.isArray(schemas)) {
    for (const urn of schemas) if (typeof urn === 'string' && !known(urn)) found.add(urn);
  }
  return [...found];
}

/**
 * Strict integrations refuse a body that uses a schema the integration does not accept (RFC 7644
 * §3.12 `invalidSyntax`: the request does not conform to the schemas); lenient ones ignore those
 * attributes like any unknown attribute (RFC 7643 §3: docs/idp-compatibility.md).
 */
export function refuseUnacceptedSchemas(type: ResourceTypeDefinition, body: unknown): void {
  const unaccepted = unacceptedSchemaUrns(type, body);
  if (unaccepted.length > 0) {
    throw new InvalidSyntaxError(
      `This integration does not accept the schema ${unaccepted.map((u) => JSON.stringify(u)).join(', ')} for ${type.name} resources.`,
    );
  }
}
