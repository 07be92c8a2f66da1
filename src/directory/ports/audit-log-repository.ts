import type { AuditEntry, AuditQuery } from '../model/audit-entry.js';

export interface AuditLogRepository {
  record(entry: AuditEntry): Promise<void>;
  /** Newest first; at most `query.limit` entries. */
  list(query: AuditQuery): Promise<readonly AuditEntry[]>;
}
