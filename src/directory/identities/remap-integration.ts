import type { GroupMapping } from '../model/directory-group.js';
import type { RemapJob } from '../model/remap-job.js';
import type { IntegrationScope } from '../model/scope.js';
import type { Clock, IdSource } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { DirectoryNotFound } from '../directory-error.js';
import type { IntegrationSettings } from '../model/integration-settings.js';
import {
  applyRemapBatch,
  changeOf,
  ensureGroupsForUnmapped,
  planRemapBatch,
  type ChangedField,
  type IdentityChange,
} from './remap-batch.js';

export interface RemapDeps {
  readonly store: DirectoryStore;
  readonly clock: Clock;
  readonly ids: IdSource;
}

const PREVIEW_SAMPLE = 20;

export interface RemapPreview {
  readonly total: number;
  readonly changed: number;
  readonly byField: Readonly<Record<ChangedField, number>>;
  /** Identities whose new name another identity already holds (or would hold): left unchanged by a remap. */
  readonly collisions: readonly { identityId: string; name: string }[];
  readonly sample: readonly IdentityChange[];
}

/**
 * The dry run of a remap: how many identities would change, how, and which would collide, under
 * `settings` (the integration's current ones by default). Reads in batches; writes nothing.
 */
export async function previewRemap(
  deps: RemapDeps,
  scope: IntegrationScope,
  settings?: IntegrationSettings,
  batchSize = 1000,
  /** Group mappings as they would be after a change (the stored ones by default). */
  mappings?: readonly GroupMapping[],
): Promise<RemapPreview> {
  const chosen = settings ?? (await deps.store.integrations.settings(scope));
  if (!chosen)
    throw new DirectoryNotFound('integration_not_found', `No integration with id "${scope.integrationId}".`);
  const now = deps.clock.now().toISOString();
  const byField: Record<ChangedField, number> = {
    name: 0,
    signInExternalId: 0,
    attributes: 0,
    authPolicy: 0,
    status: 0,
    profile: 0,
    groups: 0,
  };
  let total = 0;
  let changed = 0;
  const sample: IdentityChange[] = [];
  // Names after the remap, for collisions between identities of this integration (id → new name key).
  const renamed = new Map<string, { id: string; name: string }[]>();
  let position: string | undefined;
  for (;;) {
    const sources = await deps.store.identities.listSources(scope, position, batchSize);
    if (sources.length === 0) break;
    position = sources.at(-1)?.scimResourceId;
    const planned = await planRemapBatch(deps.store, scope, chosen, sources, now, mappings);
    total += sources.length;
    for (const plan of planned) {
      const change = changeOf(plan);
      if (!change) continue;
      changed++;
      for (const field of change.fields) byField[field]++;
      if (sample.length < PREVIEW_SAMPLE) sample.push(change);
      if (change.fields.includes('name')) {
        const key = plan.identity.name.toLowerCase();
        renamed.set(key, [...(renamed.get(key) ?? []), { id: plan.identity.id, name: plan.identity.name }]);
      }
    }
  }
  const collisions: { identityId: string; name: string }[] = [];
  const holders = await deps.store.identities.nameHolders(scope, [...renamed.keys()]);
  const renamedIds = new Set([...renamed.values()].flat().map((r) => r.id));
  for (const [key, claimants] of renamed) {
    const holder = holders.get(key);
    // A current holder that is itself renamed away frees the name; otherwise the first claimant wins.
    const blocked = holder !== undefined && !renamedIds.has(holder);
    claimants.forEach((claimant, index) => {
      if (blocked || index > 0) collisions.push({ identityId: claimant.id, name: claimant.name });
    });
  }
  return { total, changed, byField, collisions, sample };
}

export interface RemapRunOptions {
  readonly owner: string;
  readonly batchSize?: number;
  readonly leaseMs?: number;
  /** Stop after this many batches (tests use it to stop a job mid-way, as a crash would). */
  readonly maxBatches?: number;
}

/** Queues a remap of every identity of an integration; a worker (runRemapJobs) carries it out. */
export async function startRemap(deps: RemapDeps, scope: IntegrationScope): Promise<RemapJob> {
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

/**
 * Claims and runs remap jobs until none is runnable. Each batch commits with the job's progress in
 * one transaction, so a job stopped by a crash resumes after its last batch once its lease expires,
 * on this instance or another, and every identity is remapped once.
 */
export async function runRemapJobs(deps: RemapDeps, options: RemapRunOptions): Promise<number> {
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
  deps: RemapDeps,
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
      if (job.position === null) await ensureGroupsForUnmapped(store, scope, settings, deps.ids, stamp);
      const sources = await store.identities.listSources(scope, job.position ?? undefined, batchSize);
      const plans = await planRemapBatch(store, scope, settings, sources, stamp);
      const applied = await applyRemapBatch(store, scope, plans);
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
