import { InvalidValueError, NoTargetError, ScimError } from '../errors.js';
import { parseAttributePath } from '../path/parse-attribute-path.js';
import { resolvePath } from '../path/resolve-path.js';
import { isPlainObject } from '../resource/json.js';
import { findExtension, type ResourceTypeDefinition } from '../schema/resource-types.js';
import type { PatchOperation, PatchTarget } from './patch-operation.js';
import { resolvePatchTarget } from './resolve-patch-target.js';

/**
 * RFC 7644 §3.5.2.1 and §3.5.2.3: without a path the value is a set of attributes, each added to or
 * replacing its namesake. Each key becomes an operation with that key as its path, in key order:
 * - plain and dotted keys: `displayName`, `name.givenName` (Entra ID sends dotted keys);
 * - URN-qualified keys: `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber`,
 *   `urn:ietf:params:scim:schemas:core:2.0:User:name.givenName` (Entra ID);
 * - an extension URN whose value is an object of that extension's attributes (or null, which for
 *   replace clears them all);
 * - value-filter keys, `emails[type eq "work"].value` (Entra ID), applied as that path would be.
 *
 * As for POST and PUT, keys naming no attribute are ignored (lenient, like coerceResource), and
 * readOnly attributes are ignored: RFC 7643 §2.2 says values the client may not write SHALL be ignored,
 * and Okta's group rename sends `{"id": "…", "displayName": "…"}`. `add` of null adds nothing.
 */
export function expandPathlessValue(
  type: ResourceTypeDefinition,
  operation: PatchOperation,
): PatchOperation[] {
  const { op, value } = operation;
  if (op === 'remove') throw new NoTargetError('"remove" needs a "path" (RFC 7644 §3.5.2.2).');
  if (!isPlainObject(value)) {
    throw new InvalidValueError(`Without a "path", "value" must be an object of attributes.`);
  }
  const out: PatchOperation[] = [];
  const push = (key: string, item: unknown): void => {
    if (op === 'add' && (item === null || item === undefined)) return;
    const target = pathlessTarget(type, key);
    if (target === undefined) return;
    const sub = target.kind === 'filtered' ? target.subAttribute : target.path.subAttribute;
    if (target.path.attribute.mutability === 'readOnly' || sub?.mutability === 'readOnly') return;
    out.push({ op, target, value: item });
  };

  for (const [key, item] of Object.entries(value)) {
    if (key.toLowerCase() === 'schemas') continue;
    const extension = findExtension(type, key);
    if (extension === undefined) {
      push(key, item);
      continue;
    }
    if (item === null || item === undefined) {
      if (op === 'replace') {
        for (const definition of extension.attributes) push(`${extension.id}:${definition.name}`, null);
      }
      continue;
    }
    if (!isPlainObject(item)) {
      throw new InvalidValueError(`"${key}" must be an object of extension attributes.`);
    }
    for (const [extensionKey, extensionItem] of Object.entries(item)) {
      push(`${extension.id}:${extensionKey}`, extensionItem);
    }
  }
  return out;
}

/**
 * The target a path-less key names, or undefined when it names none. Entra ID also sends value-filter
 * keys such as `emails[type eq "work"].value`; those are resolved like a path, and ignored when they
 * do not resolve, as unknown keys are.
 */
function pathlessTarget(type: ResourceTypeDefinition, key: string): PatchTarget | undefined {
  if (key.includes('[')) {
    try {
      return resolvePatchTarget(type, key);
    } catch (error) {
      if (error instanceof ScimError) return undefined;
      throw error;
    }
  }
  const parsed = parseAttributePath(key);
  if (!parsed.ok) return undefined;
  const resolved = resolvePath(type, parsed.value);
  return resolved.ok ? { kind: 'attribute', text: key, path: resolved.value } : undefined;
}
