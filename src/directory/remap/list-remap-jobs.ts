import type { RemapJob } from '../model/remap-job.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { integrationInOrganization } from '../integrations/integration-in-organization.js';

/** An integration's remap jobs, newest first. */
export async function listRemapJobs(
  store: DirectoryStore,
  organizationId: string,
  integrationId: string,
): Promise<readonly RemapJob[]> {
  await integrationInOrganization(store, organizationId, integrationId);
  return store.remapJobs.listForIntegration({ organizationId, integrationId });
}
