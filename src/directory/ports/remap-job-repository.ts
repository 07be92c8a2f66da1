import type { IntegrationScope, OrganizationScope } from '../model/scope.js';
import type { RemapJob } from '../model/remap-job.js';

export interface RemapJobRepository {
  insert(job: RemapJob): Promise<void>;
  findById(scope: OrganizationScope, id: string): Promise<RemapJob | undefined>;
  listForIntegration(scope: IntegrationScope): Promise<readonly RemapJob[]>;
  /**
   * Claims one runnable job (pending, or running with an expired lease) for `owner` until
   * `leaseExpiresAt`: row locks (FOR UPDATE SKIP LOCKED on PostgreSQL) make each job run once.
   */
  claim(owner: string, now: string, leaseExpiresAt: string): Promise<RemapJob | undefined>;
  /** Records progress while still holding the lease; false when the lease was lost. */
  progress(job: RemapJob, owner: string, leaseExpiresAt: string): Promise<boolean>;
}
