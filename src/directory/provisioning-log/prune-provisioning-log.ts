import type { Clock } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';

const BATCH = 1000;
const MAX_BATCHES = 20;

/** Deletes log entries older than the retention window (ROSTER_PROVISIONING_LOG_RETENTION_DAYS). */
export async function pruneProvisioningLog(
  deps: { readonly store: DirectoryStore; readonly clock: Clock },
  retentionDays: number,
): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - retentionDays * 86_400_000).toISOString();
  let pruned = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const deleted = await deps.store.provisioningLog.prune(before, BATCH);
    pruned += deleted;
    if (deleted < BATCH) break;
  }
  return pruned;
}
