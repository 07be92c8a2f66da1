import { InvalidDirectoryInput } from '../directory-error.js';
import type { AuditEntry } from '../model/audit-entry.js';
import type { DirectoryStore } from '../ports/directory-store.js';

export interface AuditLogFilter {
  readonly organizationId?: string;
  readonly actorId?: string;
  readonly action?: string;
  readonly since?: string;
  readonly until?: string;
  readonly cursor?: string;
  readonly limit?: number;
}

const MAX_PAGE = 1000;
const DEFAULT_PAGE = 100;

const cursorOf = (entry: AuditEntry) => Buffer.from(`${entry.occurredAt}|${entry.id}`).toString('base64url');

function parseCursor(cursor: string): { occurredAt: string; id: string } {
  const [occurredAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!occurredAt || !id || rest.length > 0 || Number.isNaN(Date.parse(occurredAt))) {
    throw new InvalidDirectoryInput('invalid_query', [
      { field: 'cursor', message: 'not a cursor this API issued' },
    ]);
  }
  return { occurredAt, id };
}

function isoTime(field: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const time = Date.parse(text);
  if (Number.isNaN(time)) {
    throw new InvalidDirectoryInput('invalid_query', [{ field, message: 'must be an ISO-8601 date-time' }]);
  }
  return new Date(time).toISOString();
}

/**
 * A page of the audit log, newest first, with a cursor to the next page while there is one. The caller
 * has already limited `organizationId` to what the asker may see (an organization's key: its own).
 */
export async function listAuditLog(
  deps: { store: DirectoryStore },
  filter: AuditLogFilter,
): Promise<{ readonly entries: readonly AuditEntry[]; readonly nextCursor: string | null }> {
  const count = Math.min(Math.max(filter.limit ?? DEFAULT_PAGE, 1), MAX_PAGE);
  const since = isoTime('since', filter.since);
  const until = isoTime('until', filter.until);
  const rows = await deps.store.auditLog.list({
    ...(filter.organizationId !== undefined ? { organizationId: filter.organizationId } : {}),
    ...(filter.actorId !== undefined ? { actorId: filter.actorId } : {}),
    ...(filter.action !== undefined ? { action: filter.action } : {}),
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
    ...(filter.cursor !== undefined ? { after: parseCursor(filter.cursor) } : {}),
    limit: count + 1,
  });
  const entries = rows.slice(0, count);
  return { entries, nextCursor: rows.length > count ? cursorOf(entries.at(-1)!) : null };
}
