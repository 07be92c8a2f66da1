import { parseAttributePath } from '../../core/path/parse-attribute-path.js';
import { resolvePath } from '../../core/path/resolve-path.js';
import { isPlainObject, type JsonObject } from '../../core/resource/json.js';
import { isReservedUrn } from '../../core/schema/extension-schema.js';
import { userResourceType } from '../../core/schema/resource-types.js';
import type { IdentityProfile } from '../model/identity-profile.js';
import type { AttributeMapping, IntegrationSettings } from '../model/integration-settings.js';

/**
 * The values at a user attribute path that a setting names (sign-in external ID, attribute mappings).
 * Built-in paths resolve against the User schema; a path under a custom extension's URN reads the
 * stored document by name, case-insensitively (RFC 7643 §2.1), since stored attributes carry their
 * definition's spelling: no resource type is needed, so derivation stays pure and per-user cheap.
 * A multi-valued attribute gives its primary element first; complex elements give `value` (or the
 * named sub-attribute).
 */
export function userPathValues(
  user: JsonObject,
  path: string,
): { name: string; values: string[] } | undefined {
  const parsed = parseAttributePath(path);
  if (!parsed.ok) return undefined;
  const { schemaUrn, attribute, subAttribute } = parsed.value;
  let container: unknown;
  if (schemaUrn !== undefined && !isReservedUrn(schemaUrn)) {
    container = entry(user, schemaUrn);
  } else {
    const resolved = resolvePath(userResourceType, parsed.value);
    if (!resolved.ok) return undefined;
    container = resolved.value.isExtension ? user[resolved.value.schemaUrn] : user;
  }
  if (!isPlainObject(container)) return undefined;
  const value = entry(container, attribute);
  const items = Array.isArray(value) ? primaryFirst(value) : [value];
  const values = items
    .map((item) =>
      scalar(isPlainObject(item) ? entry(item, subAttribute ?? 'value') : subAttribute ? undefined : item),
    )
    .filter((v): v is string => v !== undefined);
  return { name: subAttribute ?? attribute, values };
}

/** The identity attributes the mappings give: each value through its template. */
export function mappedAttributes(
  mappings: readonly AttributeMapping[],
  user: JsonObject,
): { attribute: string; path: string }[] {
  const out: { attribute: string; path: string }[] = [];
  for (const mapping of mappings) {
    const found = userPathValues(user, mapping.path);
    if (!found) continue;
    for (const value of found.values) {
      const attribute = mapping.template.replaceAll('{name}', found.name).replaceAll('{value}', value);
      out.push({ attribute, path: mapping.path });
    }
  }
  return out;
}

/** The profile with the fields the settings map from other attributes (an absent value keeps the usual one). */
export function mappedProfile(
  profile: IdentityProfile,
  mappings: IntegrationSettings['profileMappings'],
  user: JsonObject,
): IdentityProfile {
  const entries = Object.entries(mappings);
  if (entries.length === 0) return profile;
  const out: Record<string, unknown> = { ...profile };
  for (const [field, path] of entries) {
    const value = path === undefined ? undefined : userPathValues(user, path)?.values[0];
    if (value !== undefined) out[field] = value;
  }
  return out as IdentityProfile;
}

function entry(object: JsonObject, name: string): unknown {
  if (Object.hasOwn(object, name)) return object[name];
  const wanted = name.toLowerCase();
  const key = Object.keys(object).find((k) => k.toLowerCase() === wanted);
  return key === undefined ? undefined : object[key];
}

function primaryFirst(items: readonly unknown[]): unknown[] {
  const primary = items.filter((i) => isPlainObject(i) && i.primary === true);
  return [...primary, ...items.filter((i) => !primary.includes(i))];
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
