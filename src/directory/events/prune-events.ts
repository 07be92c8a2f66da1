import type { Clock } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { pruneOlderThan } from '../retention/prune-older-than.js';

/**
 * Deletes events older than the retention window (ROSTER_EVENT_RETENTION_DAYS, default 30). A reader
 * whose cursor falls before what is kept gets event_cursor_expired and resyncs.
 */
export function pruneEvents(
  deps: { readonly store: DirectoryStore; readonly clock: Clock },
  retentionDays: number,
): Promise<number> {
  return pruneOlderThan(deps.clock, retentionDays, (before, limit) => deps.store.events.prune(before, limit));
}
