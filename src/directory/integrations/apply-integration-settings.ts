import type { IntegrationSettings } from '../model/integration-settings.js';
import { updateIntegrationSettings } from './update-integration-settings.js';
import type { RemapJob } from '../model/remap-job.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { integrationInOrganization } from './integration-in-organization.js';

/**
 * Saves a settings change for an integration of this organization and queues the remap that applies it
 * to the identities already synced (updateIntegrationSettings validates the change and the policy).
 */
export async function applyIntegrationSettings(
  deps: DirectoryDeps,
  organizationId: string,
  integrationId: string,
  change: Readonly<Record<string, unknown>>,
): Promise<{ settings: IntegrationSettings; job: RemapJob }> {
  await integrationInOrganization(deps.store, organizationId, integrationId);
  return updateIntegrationSettings(deps, { organizationId, integrationId }, change);
}
