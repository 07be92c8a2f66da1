import { DirectoryNotFound } from '../directory-error.js';
import { startRemap } from '../remap/start-remap.js';
import type { RemapPreview } from '../remap/preview-remap.js';
import type { GroupMapping } from '../model/directory-group.js';
import type { RemapJob } from '../model/remap-job.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { integrationInOrganization } from '../integrations/integration-in-organization.js';
import { previewMappingChange } from './preview-mapping-change.js';

/**
 * Removes a mapping. The directory group stays; the remap queued in the same transaction takes the
 * identities already synced out of it (and, with `unmappedGroups: create`, the IdP group gets an
 * automatic mapping to a group of its own name again).
 */
export async function removeGroupMapping(
  deps: DirectoryDeps,
  organizationId: string,
  integrationId: string,
  mappingId: string,
): Promise<{ readonly mapping: GroupMapping; readonly job: RemapJob }> {
  return deps.store.transaction(async (store) => {
    const mapping = await deleteMapping(store, organizationId, integrationId, mappingId);
    return { mapping, job: await startRemap({ ...deps, store }, { organizationId, integrationId }) };
  });
}

/** What removing the mapping would do to the identities already synced; writes nothing. */
export async function previewRemoveGroupMapping(
  deps: DirectoryDeps,
  organizationId: string,
  integrationId: string,
  mappingId: string,
): Promise<{ readonly mapping: GroupMapping; readonly preview: RemapPreview }> {
  const { result, preview } = await previewMappingChange(deps, { organizationId, integrationId }, (store) =>
    deleteMapping(store, organizationId, integrationId, mappingId),
  );
  return { mapping: result, preview };
}

async function deleteMapping(
  store: DirectoryStore,
  organizationId: string,
  integrationId: string,
  mappingId: string,
): Promise<GroupMapping> {
  await integrationInOrganization(store, organizationId, integrationId);
  const mapping = (await store.directoryGroups.mappings({ organizationId, integrationId })).find(
    (m) => m.id === mappingId,
  );
  if (
    !mapping ||
    !(await store.directoryGroups.removeMapping({ organizationId, integrationId }, mappingId))
  ) {
    throw new DirectoryNotFound(
      'mapping_not_found',
      `No group mapping with id "${mappingId}" in this integration.`,
    );
  }
  return mapping;
}
