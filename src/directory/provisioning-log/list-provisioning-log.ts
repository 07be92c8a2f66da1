import { InvalidDirectoryInput } from '../directory-error.js';
import type { ProvisioningLogQuery, ProvisioningLogRecord } from '../model/provisioning-log-entry.js';
import type { OrganizationScope } from '../model/scope.js';
import type { DirectoryStore } from '../ports/directory-store.js';

export interface ProvisioningLogPage {
  readonly entries: readonly ProvisioningLogRecord[];
  /** The id to pass as `before` for older entries; null on the last page. */
  readonly nextCursor: string | null;
}

/**
 * The provisioning log of an organization, newest first, filtered; each entry with the ids of the
 * events its request produced (one more query per page, by request id).
 */
export async function listProvisioningLog(
  deps: { readonly store: DirectoryStore },
  scope: OrganizationScope,
  query: ProvisioningLogQuery,
): Promise<ProvisioningLogPage> {
  if (query.from && query.to && query.from >= query.to)
    throw new InvalidDirectoryInput('invalid_query', [{ field: 'from', message: 'from must be before to' }]);
  const entries = await deps.store.provisioningLog.list(scope, { ...query, limit: query.limit + 1 });
  const page = entries.slice(0, query.limit);
  const eventIds = await deps.store.provisioningLog.eventIdsOf(
    scope,
    page
      .filter((e) => e.status < 400)
      .map((e) => ({ integrationId: e.integrationId, requestId: e.requestId })),
  );
  return {
    entries: page.map((entry) => ({
      ...entry,
      eventIds: entry.status < 400 ? (eventIds.get(entry.requestId) ?? []) : [],
    })),
    nextCursor: entries.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
