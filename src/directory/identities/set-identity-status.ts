import { DirectoryConflict, DirectoryNotFound } from '../directory-error.js';
import type { Identity } from '../model/identity.js';
import type { Clock } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';

/**
 * Disables or re-enables an identity by hand. The identity provider stays the source of truth: an
 * identity an integration manages is derived again on that user's next SCIM write (or remap), and takes
 * the status the IdP says. An identity the IdP deleted stays deleted (409): restore it in the IdP.
 */
export async function setIdentityStatus(
  deps: { store: DirectoryStore; clock: Clock },
  organizationId: string,
  identityId: string,
  status: 'active' | 'disabled',
): Promise<Identity> {
  return deps.store.transaction(async (store) => {
    const identity = await store.identities.findById({ organizationId }, identityId);
    if (!identity) throw new DirectoryNotFound('identity_not_found', `No identity with id "${identityId}".`);
    if (identity.status === 'deleted') {
      throw new DirectoryConflict(
        'identity_deleted',
        'The identity provider deleted this identity; restore the user there to bring it back.',
      );
    }
    if (identity.status === status) return identity;
    const next: Identity = { ...identity, status, updatedAt: deps.clock.now().toISOString() };
    await store.identities.update(next);
    return next;
  });
}
