import { isPlainObject } from '../../core/resource/json.js';

/**
 * What happens when a SCIM user of one integration would get the name of a live identity another
 * integration (or an operator) already feeds:
 * - `reject`: the write fails with 409, naming the other integration (nothing is written);
 * - `link`: the identity is shared; each integration contributes its attributes and groups, and the
 *   identity is disabled only when every contributing integration has disabled or deleted it.
 */
export const identityCollisionPolicies = ['reject', 'link'] as const;
export type IdentityCollisionPolicy = (typeof identityCollisionPolicies)[number];

export interface OrganizationSettings {
  readonly identityCollisions: IdentityCollisionPolicy;
}

export const defaultOrganizationSettings: OrganizationSettings = Object.freeze({
  identityCollisions: 'reject',
});

export type OrganizationSettingsResult =
  | { readonly ok: true; readonly settings: OrganizationSettings }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Applies a partial change, checking every field; unknown fields are refused. */
export function changeOrganizationSettings(
  current: OrganizationSettings,
  change: unknown,
): OrganizationSettingsResult {
  if (!isPlainObject(change)) return { ok: false, problems: ['settings must be an object'] };
  const problems: string[] = [];
  let next = current;
  for (const [key, value] of Object.entries(change)) {
    if (key === 'identityCollisions') {
      if (identityCollisionPolicies.includes(value as IdentityCollisionPolicy))
        next = { ...next, identityCollisions: value as IdentityCollisionPolicy };
      else problems.push(`identityCollisions must be one of ${identityCollisionPolicies.join(', ')}`);
    } else problems.push(`unknown setting "${key}"`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings: next };
}

/** Settings as stored (JSON, possibly from an older release): missing fields take their defaults. */
export function storedOrganizationSettings(stored: unknown): OrganizationSettings {
  if (!isPlainObject(stored)) return defaultOrganizationSettings;
  const result = changeOrganizationSettings(defaultOrganizationSettings, stored);
  return result.ok ? result.settings : defaultOrganizationSettings;
}
