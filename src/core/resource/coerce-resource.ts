import type { AttributeDefinition } from '../schema/attribute-definition.js';
import { findAttribute, findExtension, type ResourceTypeDefinition } from '../schema/resource-types.js';
import { InvalidSyntaxError, InvalidValueError } from '../errors.js';
import { coercePrimitive } from './coerce-value.js';
import { isPlainObject, type JsonObject } from './json.js';

/**
 * A resource body after validation: canonical attribute names, values of the schema's types, extension
 * attributes under their schema URN, and nothing the client may not write (RFC 7643 §2.2: readOnly values
 * are ignored; unknown attributes are ignored and not stored).
 */
export type ScimAttributes = JsonObject;

/**
 * Validates a POST or PUT body against the resource type's schemas. Attribute names match
 * case-insensitively (RFC 7643 §2.1). Keys may also be URN-qualified
 * (`urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber`), as Entra ID sends them.
 */
export function coerceResource(type: ResourceTypeDefinition, body: unknown): ScimAttributes {
  if (!isPlainObject(body)) throw new InvalidSyntaxError('The request body must be a JSON object.');
  checkSchemasMember(body.schemas ?? findKey(body, 'schemas'));
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.toLowerCase() === 'schemas') continue;
    const extension = findExtension(type, LEGACY_EXTENSION_URNS.get(key.toLowerCase()) ?? key);
    if (extension) {
      if (value === null) continue;
      if (!isPlainObject(value))
        throw new InvalidValueError(`"${key}" must be an object of extension attributes.`);
      for (const [extKey, extValue] of Object.entries(legacyExtensionValues(key, value))) {
        const located = findAttribute(type, extKey, extension.id);
        if (located)
          assign(out, located.schemaUrn, located.isExtension, located.definition, extValue, extKey);
      }
      continue;
    }
    const { urn, name } = splitQualifiedName(key);
    const located = findAttribute(type, name, urn);
    if (located) assign(out, located.schemaUrn, located.isExtension, located.definition, value, key);
  }
  checkRequired(type, out);
  return out;
}

function assign(
  out: JsonObject,
  schemaUrn: string,
  isExtension: boolean,
  definition: AttributeDefinition,
  value: unknown,
  label: string,
): void {
  const coerced = coerceAttribute(definition, value, label);
  if (coerced === undefined) return;
  if (!isExtension) {
    out[definition.name] = coerced;
    return;
  }
  const existing = out[schemaUrn];
  const target: JsonObject = isPlainObject(existing) ? existing : {};
  target[definition.name] = coerced;
  out[schemaUrn] = target;
}

/** Returns undefined for values that are unassigned or that the client may not write. */
export function coerceAttribute(definition: AttributeDefinition, value: unknown, label: string): unknown {
  if (definition.mutability === 'readOnly') return undefined;
  // Passwords are accepted for compatibility but never stored: Roster does not authenticate with them.
  if (definition.mutability === 'writeOnly') return undefined;
  if (value === null || value === undefined) return undefined;
  if (definition.multiValued) {
    // Lenient: several providers send a lone object where the schema wants an array.
    const items = Array.isArray(value) ? value : [value];
    const coerced = items
      .map((item, index) => coerceSingle(definition, item, `${label}[${index}]`))
      .filter((item) => item !== undefined);
    // Primary first, then duplicates: two copies differing only in "primary" become one.
    const unique = dedupe(normalisePrimary(coerced));
    return unique.length === 0 ? undefined : unique;
  }
  if (Array.isArray(value)) {
    // Entra's SCIM tutorial sets the singular manager as a one-element list ([{"value": "<id>"}]).
    if (value.length === 1 && definition.type === 'complex') return coerceSingle(definition, value[0], label);
    throw new InvalidValueError(`Attribute "${label}" is single-valued; got an array.`);
  }
  return coerceSingle(definition, value, label);
}

function coerceSingle(definition: AttributeDefinition, value: unknown, label: string): unknown {
  if (value === null || value === undefined) return undefined;
  if (definition.type !== 'complex') return coercePrimitive(definition, value, label);
  if (!isPlainObject(value)) {
    // RFC 7644 §3.5.2 allows multi-valued attributes written as bare values (e.g. "members": ["id"]) in
    // practice; treat a primitive as the element's `value`.
    const valueDefinition = definition.subAttributes?.find((sub) => sub.name === 'value');
    if (
      definition.multiValued &&
      valueDefinition &&
      (typeof value === 'string' || typeof value === 'number')
    ) {
      return { value: coercePrimitive(valueDefinition, value, `${label}.value`) };
    }
    throw new InvalidValueError(`Attribute "${label}" must be a complex value (a JSON object).`);
  }
  const out: JsonObject = {};
  for (const [key, subValue] of Object.entries(value)) {
    const wanted = key.toLowerCase();
    const sub = definition.subAttributes?.find((candidate) => candidate.name.toLowerCase() === wanted);
    if (!sub) continue;
    const coerced = coerceAttribute(sub, subValue, `${label}.${key}`);
    if (coerced !== undefined) out[sub.name] = coerced;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function dedupe(values: unknown[]): unknown[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = JSON.stringify(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** RFC 7643 §2.4: "primary" true appears at most once; keep the first a client marked, lose no values. */
function normalisePrimary(values: unknown[]): unknown[] {
  let seenPrimary = false;
  return values.map((value) => {
    if (!isPlainObject(value) || value.primary !== true) return value;
    if (!seenPrimary) {
      seenPrimary = true;
      return value;
    }
    return { ...value, primary: false };
  });
}

function checkRequired(type: ResourceTypeDefinition, out: JsonObject): void {
  for (const definition of type.schema.attributes) {
    if (!definition.required) continue;
    const value = out[definition.name];
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
      throw new InvalidValueError(`Attribute "${definition.name}" is required.`);
    }
  }
  // RFC 7643 §3.3: an extension that is not required binds only resources that carry it; once one of
  // its attributes is present, its required attributes are too.
  for (const extension of type.extensions) {
    const values = out[extension.schema.id];
    if (!isPlainObject(values)) continue;
    for (const definition of extension.schema.attributes) {
      if (!definition.required) continue;
      const value = values[definition.name];
      if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
        throw new InvalidValueError(`Attribute "${extension.schema.id}:${definition.name}" is required.`);
      }
    }
  }
}

function checkSchemasMember(schemas: unknown): void {
  // Lenient on presence and on extra legacy URIs (IdPs send both); strict on shape.
  if (schemas === undefined) return;
  if (!Array.isArray(schemas) || schemas.some((s) => typeof s !== 'string')) {
    throw new InvalidSyntaxError('"schemas" must be an array of schema URIs.');
  }
}

function findKey(body: JsonObject, name: string): unknown {
  const key = Object.keys(body).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : body[key];
}

/**
 * SCIM 1.1 extension URNs still found in admin-written templates (OneLogin's "Define Your SCIM User
 * Schema" page uses the 1.0 enterprise URN): their attributes are read as the 2.0 extension's.
 */
const LEGACY_EXTENSION_URNS: ReadonlyMap<string, string> = new Map([
  ['urn:scim:schemas:extension:enterprise:1.0', 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
]);

/** SCIM 1.1 named the manager's id `managerId`; 2.0 calls it `value`. */
function legacyExtensionValues(key: string, value: JsonObject): JsonObject {
  if (!LEGACY_EXTENSION_URNS.has(key.toLowerCase()) || !isPlainObject(value.manager)) return value;
  const { managerId, ...manager } = value.manager;
  return { ...value, manager: managerId === undefined ? manager : { value: managerId, ...manager } };
}

/** Splits `urn:...:User:name` into its URN and attribute name; plain names pass through. */
export function splitQualifiedName(key: string): { urn: string | undefined; name: string } {
  if (!key.toLowerCase().startsWith('urn:')) return { urn: undefined, name: key };
  const cut = key.lastIndexOf(':');
  return { urn: key.slice(0, cut), name: key.slice(cut + 1) };
}
