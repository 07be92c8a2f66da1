import { DirectoryNotFound } from '../directory-error.js';
import type { RemapJob } from '../model/remap-job.js';
import type { DirectoryStore } from '../ports/directory-store.js';

/** A remap job of this organization; jobs are stored by id alone, so the tenant check happens here. */
export async function remapJobInOrganization(
  store: DirectoryStore,
  organizationId: string,
  jobId: string,
): Promise<RemapJob> {
  const job = await store.remapJobs.findById(jobId);
  if (!job || job.organizationId !== organizationId) {
    throw new DirectoryNotFound('remap_job_not_found', `No remap job with id "${jobId}".`);
  }
  return job;
}
