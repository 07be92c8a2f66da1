import type { Clock } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';

const BATCH = 1000;
/** At most this many batches per run, so one run never holds the database for long; the next goes on. */
const MAX_BATCHES = 20;

/**
 * Deletes events older than the retention window (ROSTER_EVENT_RETENTION_DAYS, default 30), a batch at
 * a time. A reader whose cursor falls before what is kept gets event_cursor_expired and resyncs.
 */
export async function pruneEvents(
  deps: { readonly store: DirectoryStore; readonly clock: Clock },
  retentionDays: number,
): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - retentionDays * 86_400_000).toISOString();
  let pruned = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const deleted = await deps.store.events.prune(before, BATCH);
    pruned += deleted;
    if (deleted < BATCH) break;
  }
  return pruned;
}
