import type { DirectoryDeps } from '../directory-deps.js';
import type { RemapJob } from '../model/remap-job.js';
import { integrationInOrganization } from '../integrations/integration-in-organization.js';

/** An integration's remap jobs, newest first. */
export async function listRemapJobs(
  deps: DirectoryDeps,
  organizationId: string,
  integrationId: string,
): Promise<readonly RemapJob[]> {
  const { store } = deps;
  await integrationInOrganization(store, organizationId, integrationId);
  return store.remapJobs.listForIntegration({ organizationId, integrationId });
}
