import { startRemap } from './start-remap.js';
import type { RemapJob } from '../model/remap-job.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { integrationInOrganization } from '../integrations/integration-in-organization.js';

/** Queues a remap of an integration of this organization under its current settings and mappings. */
export async function startIntegrationRemap(
  deps: DirectoryDeps,
  organizationId: string,
  integrationId: string,
): Promise<RemapJob> {
  await integrationInOrganization(deps.store, organizationId, integrationId);
  return startRemap(deps, { organizationId, integrationId });
}
