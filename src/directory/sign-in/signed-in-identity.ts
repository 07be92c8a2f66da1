import type { DirectoryGroup, DirectoryStore, Identity, Role } from '../ports.js';

export interface SignedInIdentity {
  readonly identity: Identity;
  readonly groups: readonly DirectoryGroup[];
  readonly roles: readonly Role[];
  /** Every permission of those roles, sorted, once each. */
  readonly permissions: readonly string[];
}

/** What an app needs about the identity that signed in: two indexed queries on top of the verify. */
export async function signedInIdentity(
  store: DirectoryStore,
  organizationId: string,
  identity: Identity,
): Promise<SignedInIdentity> {
  const [groups, roles] = await Promise.all([
    store.directoryGroups.ofIdentity(organizationId, identity.id),
    store.roles.effectiveRolesOf(identity.id),
  ]);
  const own = roles.filter((role) => role.organizationId === organizationId);
  return {
    identity,
    groups,
    roles: own,
    permissions: [...new Set(own.flatMap((r) => r.permissions))].sort(),
  };
}
