import type { Clock } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { pruneOlderThan } from '../retention/prune-older-than.js';

/** Deletes log entries older than the retention window (ROSTER_PROVISIONING_LOG_RETENTION_DAYS). */
export function pruneProvisioningLog(
  deps: { readonly store: DirectoryStore; readonly clock: Clock },
  retentionDays: number,
): Promise<number> {
  return pruneOlderThan(deps.clock, retentionDays, (before, limit) =>
    deps.store.provisioningLog.prune(before, limit),
  );
}
