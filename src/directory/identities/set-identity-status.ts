import { DirectoryConflict, DirectoryNotFound } from '../directory-error.js';
import type { Identity } from '../model/identity.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { eventStampOf } from '../events/event-stamp.js';
import { identityEvents } from '../events/identity-events.js';

/**
 * Disables or re-enables an identity by hand. The identity provider stays the source of truth: an
 * identity an integration manages is derived again on that user's next SCIM write (or remap), and takes
 * the status the IdP says. An identity the IdP deleted stays deleted (409): restore it in the IdP.
 */
export async function setIdentityStatus(
  deps: DirectoryDeps,
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
    const stamp = eventStampOf(deps);
    const next: Identity = { ...identity, status, updatedAt: stamp.now };
    await store.identities.update(next);
    const groupIds = await store.identities.groupIdsOf({ organizationId }, identity.id);
    store.events.append(
      { organizationId },
      identityEvents(
        { previous: identity, next, previousGroupIds: groupIds, groupIds, changed: ['status'] },
        stamp,
      ),
    );
    return next;
  });
}
