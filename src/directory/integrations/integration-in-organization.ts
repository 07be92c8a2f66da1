import { DirectoryNotFound } from '../directory-error.js';
import type { Integration } from '../model/integration.js';
import type { DirectoryStore } from '../ports/directory-store.js';

/**
 * The integration with this id, if it belongs to the organization: another organization's integration
 * is "not found", exactly like a missing one, so ids of other tenants cannot even be probed.
 */
export async function integrationInOrganization(
  store: DirectoryStore,
  organizationId: string,
  integrationId: string,
): Promise<Integration> {
  const integration = await store.integrations.findById({ organizationId }, integrationId);
  if (!integration) {
    throw new DirectoryNotFound('integration_not_found', `No integration with id "${integrationId}".`);
  }
  return integration;
}
