import type { EventStamp } from '../events/event-stamp.js';
import { remapCompletedEvent } from '../events/remap-events.js';
import type { RemapJob } from '../model/remap-job.js';
import type { IntegrationScope } from '../model/scope.js';
import { DirectoryNotFound } from '../directory-error.js';
import { applyRemapBatch, ensureGroupsForUnmapped, planRemapBatch } from './remap-batch.js';

import type { DirectoryDeps } from '../directory-deps.js';

export interface RemapRunOptions {
  readonly owner: string;
  readonly batchSize?: number;
  readonly leaseMs?: number;
  /** Stop after this many batches (tests use it to stop a job mid-way, as a crash would). */
  readonly maxBatches?: number;
}

/**
 * Claims and runs remap jobs until none is runnable. Each batch commits with the job's progress in
 * one transaction, so a job stopped by a crash resumes after its last batch once its lease expires,
 * on this instance or another, and every identity is remapped once.
 */
export async function runRemapJobs(deps: DirectoryDeps, options: RemapRunOptions): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  const leaseMs = options.leaseMs ?? 60_000;
  let batches = 0;
  let finished = 0;
  for (;;) {
    const now = deps.clock.now();
    const job = await deps.store.remapJobs.claim(
      options.owner,
      now.toISOString(),
      new Date(now.getTime() + leaseMs).toISOString(),
    );
    if (!job) return finished;
    let current = job;
    while (current.status === 'running') {
      if (options.maxBatches !== undefined && batches >= options.maxBatches) return finished;
      current = await runBatch(deps, current, options.owner, batchSize, leaseMs);
      batches++;
    }
    if (current.status === 'done') finished++;
  }
}

async function runBatch(
  deps: DirectoryDeps,
  job: RemapJob,
  owner: string,
  batchSize: number,
  leaseMs: number,
): Promise<RemapJob> {
  try {
    return await deps.store.transaction(async (store) => {
      const now = deps.clock.now();
      const stamp = now.toISOString();
      const scope: IntegrationScope = {
        organizationId: job.organizationId,
        integrationId: job.integrationId,
      };
      const settings = await store.integrations.settings(scope);
      if (!settings) throw new DirectoryNotFound('integration_not_found', 'The integration was deleted.');
      const events: EventStamp = {
        cause: { actor: { kind: 'system', id: null }, integrationId: job.integrationId, requestId: null },
        now: stamp,
        newId: () => deps.ids.newId(),
      };
      if (job.position === null) await ensureGroupsForUnmapped(store, scope, settings, events);
      const sources = await store.identities.listSources(scope, job.position ?? undefined, batchSize);
      const plans = await planRemapBatch(store, scope, settings, sources, stamp);
      const applied = await applyRemapBatch(store, scope, plans, events);
      const next: RemapJob = {
        ...job,
        status: sources.length < batchSize ? 'done' : 'running',
        processed: job.processed + sources.length,
        changed: job.changed + applied.changed,
        collisions: job.collisions + applied.collisions,
        position: sources.at(-1)?.scimResourceId ?? job.position,
        updatedAt: stamp,
      };
      const leaseExpiresAt = new Date(now.getTime() + leaseMs).toISOString();
      if (!(await store.remapJobs.progress(next, owner, leaseExpiresAt))) {
        throw new LeaseLost();
      }
      if (next.status === 'done') store.events.append(scope, [remapCompletedEvent(next, events)]);
      return next;
    });
  } catch (error) {
    if (error instanceof LeaseLost) return { ...job, status: 'failed' };
    const failed: RemapJob = {
      ...job,
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
      updatedAt: deps.clock.now().toISOString(),
    };
    await deps.store.remapJobs.progress(failed, owner, failed.updatedAt);
    return failed;
  }
}

/** Another worker took the job over (its lease ran out): this batch rolls back and the worker lets go. */
class LeaseLost extends Error {
  constructor() {
    super('Another worker took this remap job over.');
    this.name = 'LeaseLost';
  }
}
