import type { Clock, DirectoryStore } from '../ports.js';
import { DirectoryError } from '../directory-error.js';

/** What becomes of an integration's identities when the integration is deleted. */
export type IdentitiesOnDelete = 'disable' | 'delete' | 'keep';

/**
 * Deletes an integration: its token stops working at once (the row is gone) and the SCIM resources it
 * provisioned go with it. Its identities are disabled, deleted, or kept as unmanaged identities.
 */
export async function deleteIntegration(
  deps: { store: DirectoryStore; clock: Clock },
  integrationId: string,
  identities: IdentitiesOnDelete,
): Promise<{ identities: number }> {
  return deps.store.transaction(async (store) => {
    const affected = await store.identities.detachIntegration(
      integrationId,
      identities,
      deps.clock.now().toISOString(),
    );
    if (!(await store.integrations.delete(integrationId))) {
      throw new DirectoryError('integration_not_found', `No integration with id "${integrationId}".`);
    }
    return { identities: affected };
  });
}
