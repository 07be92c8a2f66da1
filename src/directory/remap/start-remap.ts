import type { RemapJob } from '../model/remap-job.js';
import type { IntegrationScope } from '../model/scope.js';

import type { DirectoryDeps } from '../directory-deps.js';

/** Queues a remap of every identity of an integration; a worker (runRemapJobs) carries it out. */
export async function startRemap(deps: DirectoryDeps, scope: IntegrationScope): Promise<RemapJob> {
  const now = deps.clock.now().toISOString();
  const job: RemapJob = {
    id: deps.ids.newId(),
    organizationId: scope.organizationId,
    integrationId: scope.integrationId,
    status: 'pending',
    total: await deps.store.identities.countSources(scope),
    processed: 0,
    changed: 0,
    collisions: 0,
    position: null,
    error: null,
    createdAt: now,
    updatedAt: now,
  };
  await deps.store.remapJobs.insert(job);
  return job;
}
