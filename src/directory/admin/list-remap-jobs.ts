import type { DirectoryStore, RemapJob } from '../ports.js';
import { integrationInOrganization } from './integration-in-organization.js';

/** An integration's remap jobs, newest first. */
export async function listRemapJobs(
  store: DirectoryStore,
  organizationId: string,
  integrationId: string,
): Promise<readonly RemapJob[]> {
  await integrationInOrganization(store, organizationId, integrationId);
  return store.remapJobs.listForIntegration(integrationId);
}
