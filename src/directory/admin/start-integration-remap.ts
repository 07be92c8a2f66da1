import { startRemap } from '../identities/remap-integration.js';
import type { RemapJob } from '../model/remap-job.js';
import type { AdminDeps } from './admin-deps.js';
import { integrationInOrganization } from './integration-in-organization.js';

/** Queues a remap of an integration of this organization under its current settings and mappings. */
export async function startIntegrationRemap(
  deps: AdminDeps,
  organizationId: string,
  integrationId: string,
): Promise<RemapJob> {
  await integrationInOrganization(deps.store, organizationId, integrationId);
  return startRemap(deps, { organizationId, integrationId });
}
