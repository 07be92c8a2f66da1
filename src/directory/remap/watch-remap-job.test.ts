import { describe, expect, it } from 'vitest';
import { DirectoryNotFound } from '../directory-error.js';
import type { RemapJob } from '../model/remap-job.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { WatchTimeout, watchRemapJob } from './watch-remap-job.js';

const job: RemapJob = {
  id: 'job-1',
  organizationId: 'org-1',
  integrationId: 'int-1',
  status: 'pending',
  total: 10,
  processed: 0,
  changed: 0,
  collisions: 0,
  position: null,
  error: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

/** A store whose job moves through `readings`, one per poll, and a clock that sleeping advances. */
function fixture(readings: readonly Partial<RemapJob>[]) {
  let time = 0;
  let poll = 0;
  const sleeps: number[] = [];
  const store = {
    remapJobs: {
      // Like the real repository: another organization's job is not found.
      findById: async (scope: { organizationId: string }, id: string) => {
        const reading = readings[Math.min(poll++, readings.length - 1)];
        return id === job.id && scope.organizationId === job.organizationId
          ? { ...job, ...reading }
          : undefined;
      },
    },
  } as unknown as DirectoryStore;
  const deps = {
    store,
    clock: { now: () => new Date(time) },
    sleep: async (ms: number) => {
      sleeps.push(ms);
      time += ms;
    },
  };
  return { deps, sleeps };
}

describe('watchRemapJob', () => {
  it('reports each change of progress once and returns the finished job', async () => {
    const { deps, sleeps } = fixture([
      {},
      { status: 'running', processed: 5, changed: 2 },
      { status: 'running', processed: 5, changed: 2 },
      { status: 'done', processed: 10, changed: 3, collisions: 1 },
    ]);
    const seen: string[] = [];
    const finished = await watchRemapJob(deps, 'org-1', 'job-1', {
      intervalMs: 1000,
      timeoutMs: 60_000,
      onProgress: (j) => seen.push(`${j.status} ${j.processed}/${j.total}`),
    });
    expect(seen).toEqual(['pending 0/10', 'running 5/10', 'done 10/10']);
    expect(finished).toMatchObject({ status: 'done', changed: 3, collisions: 1 });
    expect(sleeps).toEqual([1000, 1000, 1000]);
  });

  it('returns a failed job as it is', async () => {
    const { deps } = fixture([{ status: 'failed', error: 'boom' }]);
    const finished = await watchRemapJob(deps, 'org-1', 'job-1', {
      intervalMs: 1000,
      timeoutMs: 1000,
      onProgress: () => {},
    });
    expect(finished).toMatchObject({ status: 'failed', error: 'boom' });
  });

  it('gives up at the timeout, sleeping no longer than what is left', async () => {
    const { deps, sleeps } = fixture([{}]);
    const watching = watchRemapJob(deps, 'org-1', 'job-1', {
      intervalMs: 1000,
      timeoutMs: 2500,
      onProgress: () => {},
    });
    await expect(watching).rejects.toBeInstanceOf(WatchTimeout);
    expect(sleeps).toEqual([1000, 1000, 500]);
  });

  it("treats another organization's job as not found", async () => {
    const { deps } = fixture([{}]);
    const watching = watchRemapJob(deps, 'org-2', 'job-1', {
      intervalMs: 1,
      timeoutMs: 1,
      onProgress: () => {},
    });
    await expect(watching).rejects.toEqual(
      new DirectoryNotFound('remap_job_not_found', 'No remap job with id "job-1".'),
    );
  });
});
