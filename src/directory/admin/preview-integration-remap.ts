import { previewRemap, type RemapPreview } from '../identities/remap-integration.js';
import type { AdminDeps } from './admin-deps.js';
import { integrationInOrganization } from './integration-in-organization.js';

/** The dry run of a remap under the integration's current settings (e.g. after mappings changed). */
export async function previewIntegrationRemap(
  deps: AdminDeps,
  organizationId: string,
  integrationId: string,
): Promise<RemapPreview> {
  await integrationInOrganization(deps.store, organizationId, integrationId);
  return previewRemap(deps, { organizationId, integrationId });
}
