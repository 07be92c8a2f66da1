import type { Clock } from '../ports/clock.js';

const BATCH = 1000;
/** At most this many batches per run, so one run never holds the database for long; the next goes on. */
const MAX_BATCHES = 20;

/**
 * Deletes rows older than a retention window through `prune(before, limit)`, a batch at a time (the
 * events feed and the provisioning log each keep their own window). Returns how many went.
 */
export async function pruneOlderThan(
  clock: Clock,
  retentionDays: number,
  prune: (before: string, limit: number) => Promise<number>,
): Promise<number> {
  const before = new Date(clock.now().getTime() - retentionDays * 86_400_000).toISOString();
  let pruned = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const deleted = await prune(before, BATCH);
    pruned += deleted;
    if (deleted < BATCH) break;
  }
  return pruned;
}
