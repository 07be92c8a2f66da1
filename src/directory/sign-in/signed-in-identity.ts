import type { DirectoryGroup } from '../model/directory-group.js';
import type { Identity } from '../model/identity.js';
import type { Role } from '../model/role.js';
import type { DirectoryStore } from '../ports/directory-store.js';

export interface SignedInIdentity {
  readonly identity: Identity;
  readonly groups: readonly DirectoryGroup[];
  readonly roles: readonly Role[];
  /** Every permission of those roles, sorted, once each. */
  readonly permissions: readonly string[];
}

/** What an app needs about the identity that signed in: one indexed query on top of the verify. */
export async function signedInIdentity(
  store: DirectoryStore,
  organizationId: string,
  identity: Identity,
): Promise<SignedInIdentity> {
  const { groups, roles } = await store.roles.groupsAndRolesOf({ organizationId }, identity.id);
  return { identity, groups, roles, permissions: [...new Set(roles.flatMap((r) => r.permissions))].sort() };
}
