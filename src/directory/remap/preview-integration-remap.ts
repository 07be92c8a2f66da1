import { previewRemap, type RemapPreview } from './preview-remap.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { integrationInOrganization } from '../integrations/integration-in-organization.js';

/** The dry run of a remap under the integration's current settings (e.g. after mappings changed). */
export async function previewIntegrationRemap(
  deps: DirectoryDeps,
  organizationId: string,
  integrationId: string,
): Promise<RemapPreview> {
  await integrationInOrganization(deps.store, organizationId, integrationId);
  return previewRemap(deps, { organizationId, integrationId });
}
