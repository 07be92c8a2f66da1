import type { IntegrationScope } from '../model/scope.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { eventStampOf } from '../events/event-stamp.js';
import { integrationEvent } from '../events/integration-events.js';
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
  deps: DirectoryDeps,
  scope: IntegrationScope,
  identities: IdentitiesOnDelete,
): Promise<{ identities: number }> {
  return deps.store.transaction(async (store) => {
    const integration = await store.integrations.findById(scope, scope.integrationId);
    if (!integration) {
      throw new DirectoryNotFound(
        'integration_not_found',
        `No integration with id "${scope.integrationId}".`,
      );
    }
    const stamp = eventStampOf(deps);
    const affected = await detachIntegrationIdentities(store, scope, identities, stamp);
    await store.integrations.delete(scope);
    store.events.append(scope, [integrationEvent('integration.deleted', integration, undefined, [], stamp)]);
    return { identities: affected };
  });
}
