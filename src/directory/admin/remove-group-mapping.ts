import { DirectoryError } from '../directory-error.js';
import type { DirectoryStore, GroupMapping } from '../ports.js';
import { integrationInOrganization } from './integration-in-organization.js';

/**
 * Removes a mapping. The directory group stays; identities leave it when the integration is next
 * remapped (and, with `unmappedGroups: create`, the IdP group gets an automatic mapping again).
 */
export async function removeGroupMapping(
  store: DirectoryStore,
  organizationId: string,
  integrationId: string,
  mappingId: string,
): Promise<GroupMapping> {
  await integrationInOrganization(store, organizationId, integrationId);
  const mapping = (await store.directoryGroups.mappings(integrationId)).find((m) => m.id === mappingId);
  if (!mapping || !(await store.directoryGroups.removeMapping(integrationId, mappingId))) {
    throw new DirectoryError(
      'mapping_not_found',
      `No group mapping with id "${mappingId}" in this integration.`,
    );
  }
  return mapping;
}
