import type { DirectoryDeps } from '../directory-deps.js';
import { DirectoryNotFound } from '../directory-error.js';
import type { AuthPolicy } from '../model/auth-policy.js';
import type { DirectoryGroup } from '../model/directory-group.js';
import type { Identity } from '../model/identity.js';
import type { Integration } from '../model/integration.js';
import type { Role } from '../model/role.js';

export interface IdentityDetails {
  readonly identity: Identity;
  /** The directory groups the identity is in, by name. */
  readonly groups: readonly DirectoryGroup[];
  /** The roles it has through those groups. */
  readonly roles: readonly Role[];
  /** Every permission of those roles, sorted, once each. */
  readonly permissions: readonly string[];
  /** The integration that manages it; undefined for identities no integration manages. */
  readonly integration: Integration | undefined;
  /** Its own policy; undefined when it signs in under the organization's Default policy. */
  readonly authPolicy: AuthPolicy | undefined;
}

/** Everything an operator asks about one identity. */
export async function showIdentity(
  deps: DirectoryDeps,
  organizationId: string,
  identityId: string,
): Promise<IdentityDetails> {
  const { store } = deps;
  const identity = await store.identities.findById({ organizationId }, identityId);
  if (!identity) throw new DirectoryNotFound('identity_not_found', `No identity with id "${identityId}".`);
  const groups: DirectoryGroup[] = [];
  for (const groupId of await store.identities.groupIdsOf({ organizationId }, identity.id)) {
    const group = await store.directoryGroups.findById({ organizationId }, groupId);
    if (group) groups.push(group);
  }
  groups.sort((a, b) => a.name.localeCompare(b.name));
  const roles = await store.roles.effectiveRolesOf({ organizationId }, identity.id);
  const permissions = [...new Set(roles.flatMap((role) => role.permissions))].sort();
  const source =
    identity.sourceIntegrationId === null
      ? undefined
      : await store.integrations.findById({ organizationId }, identity.sourceIntegrationId);
  const authPolicy =
    identity.authPolicyId === null
      ? undefined
      : await store.authPolicies.findById({ organizationId }, identity.authPolicyId);
  return {
    identity,
    groups,
    roles,
    permissions,
    integration: source,
    authPolicy,
  };
}
