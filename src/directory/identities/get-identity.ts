import type { DirectoryDeps } from '../directory-deps.js';
import { DirectoryNotFound } from '../directory-error.js';
import type { Identity } from '../model/identity.js';
import type { OrganizationScope } from '../model/scope.js';

/** One identity of the organization; another organization's is "not found", like a missing one. */
export async function getIdentity(
  deps: DirectoryDeps,
  scope: OrganizationScope,
  identityId: string,
): Promise<Identity> {
  const identity = await deps.store.identities.findById(scope, identityId);
  if (!identity) throw new DirectoryNotFound('identity_not_found', `No identity with id "${identityId}".`);
  return identity;
}
