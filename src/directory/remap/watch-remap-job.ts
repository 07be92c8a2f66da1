import type { RemapJob } from '../model/remap-job.js';
import type { Clock } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { remapJobInOrganization } from './remap-job-in-organization.js';

export interface WatchRemapJobDeps {
  readonly store: DirectoryStore;
  readonly clock: Clock;
  /** Waits this long; injected so tests need not wait. */
  readonly sleep: (ms: number) => Promise<void>;
}

export interface WatchRemapJobOptions {
  readonly intervalMs: number;
  readonly timeoutMs: number;
  /** Called with the first reading and then whenever the job's progress or status moves. */
  readonly onProgress: (job: RemapJob) => void;
}

/**
 * Polls a remap job until it is done or failed, reporting progress as it moves. The job is carried out
 * elsewhere (a server's worker, or `roster remap run`); past the timeout this gives up with
 * a `WatchTimeout`, and the job itself goes on.
 */
export async function watchRemapJob(
  deps: WatchRemapJobDeps,
  organizationId: string,
  jobId: string,
  options: WatchRemapJobOptions,
): Promise<RemapJob> {
  const deadline = deps.clock.now().getTime() + options.timeoutMs;
  let reported: string | undefined;
  for (;;) {
    const job = await remapJobInOrganization(deps.store, organizationId, jobId);
    const progress = `${job.status} ${job.processed} ${job.total} ${job.changed} ${job.collisions}`;
    if (progress !== reported) {
      options.onProgress(job);
      reported = progress;
    }
    if (job.status === 'done' || job.status === 'failed') return job;
    const left = deadline - deps.clock.now().getTime();
    if (left <= 0) {
      throw new WatchTimeout(
        `Remap job ${jobId} is still ${job.status} (${job.processed}/${job.total}) after ${Math.round(options.timeoutMs / 1000)} s; it goes on without being watched.`,
      );
    }
    await deps.sleep(Math.min(options.intervalMs, left));
  }
}

/** Watching gave up; the job goes on (not a directory failure: nothing was refused). */
export class WatchTimeout extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WatchTimeout';
  }
}
