import type { DirectoryDeps } from '../directory-deps.js';
import type { AuditEntry } from '../model/audit-entry.js';

/** Records one admin action (the caller decides what counts as one: every change, never a read). */
export async function recordAdminAction(
  deps: DirectoryDeps,
  action: Omit<AuditEntry, 'id' | 'occurredAt'>,
): Promise<void> {
  await deps.store.auditLog.record({
    id: deps.ids.newId(),
    occurredAt: deps.clock.now().toISOString(),
    ...action,
  });
}
