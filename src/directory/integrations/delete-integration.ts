import type { IntegrationScope } from '../model/scope.js';
import type { Clock } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { DirectoryNotFound } from '../directory-error.js';
import { detachIntegrationIdentities } from '../identity-sync/detach-integration-identities.js';

/** What becomes of an integration's identities when the integration is deleted. */
export type IdentitiesOnDelete = 'disable' | 'delete' | 'keep';

/**
 * Deletes an integration: its token stops working at once (the row is gone) and the SCIM resources it
 * provisioned go with it. Its identities are disabled, deleted, or kept as unmanaged identities;
 * identities another integration also feeds stay, as that integration makes them.
 */
export async function deleteIntegration(
  deps: { store: DirectoryStore; clock: Clock },
  scope: IntegrationScope,
  identities: IdentitiesOnDelete,
): Promise<{ identities: number }> {
  return deps.store.transaction(async (store) => {
    if (!(await store.integrations.findById(scope, scope.integrationId))) {
      throw new DirectoryNotFound(
        'integration_not_found',
        `No integration with id "${scope.integrationId}".`,
      );
    }
    const affected = await detachIntegrationIdentities(
      store,
      scope,
      identities,
      deps.clock.now().toISOString(),
    );
    await store.integrations.delete(scope);
    return { identities: affected };
  });
}
