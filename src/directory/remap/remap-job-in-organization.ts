import { DirectoryNotFound } from '../directory-error.js';
import type { RemapJob } from '../model/remap-job.js';
import type { DirectoryStore } from '../ports/directory-store.js';

/** A remap job of this organization; another organization's job is "not found", like a missing one. */
export async function remapJobInOrganization(
  store: DirectoryStore,
  organizationId: string,
  jobId: string,
): Promise<RemapJob> {
  const job = await store.remapJobs.findById({ organizationId }, jobId);
  if (!job) {
    throw new DirectoryNotFound('remap_job_not_found', `No remap job with id "${jobId}".`);
  }
  return job;
}
