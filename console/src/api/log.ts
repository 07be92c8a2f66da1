import { useQuery } from '@tanstack/react-query';
import type { paths } from '../../../src/client/admin-api-types.js';
import { api, unwrap } from './client.js';

type LogOperation = paths['/api/v1/organizations/{organizationId}/provisioning-log']['get'];
export type LogQuery = NonNullable<LogOperation['parameters']['query']>;
export type LogEntry = LogOperation['responses'][200]['content']['application/json']['data'][number];

/** One page of the provisioning log (newest first). */
export async function loadProvisioningLog(organizationId: string, query: LogQuery) {
  return unwrap(
    await api.GET('/api/v1/organizations/{organizationId}/provisioning-log', {
      params: { path: { organizationId }, query },
    }),
  );
}

/** A page of the provisioning log (newest first), polled when asked to. */
export function useProvisioningLog(
  organizationId: string,
  query: LogQuery,
  refetchInterval?: number | false,
  enabled = true,
) {
  return useQuery({
    queryKey: ['provisioning-log', organizationId, query],
    queryFn: () => loadProvisioningLog(organizationId, query),
    refetchInterval,
    enabled,
    placeholderData: (previous) => previous,
  });
}

/** The one sentence an admin reads first: the log's reason, or what the status means. */
export function entryReason(entry: LogEntry): string {
  if (entry.reason) return entry.reason;
  if (entry.status < 400) return 'Accepted.';
  return entry.scimType ? `Refused (${entry.scimType}).` : `Refused with status ${entry.status}.`;
}

/** Authenticated: the request got past the token check (whatever its outcome). */
export const authenticated = (entry: LogEntry) => entry.authFailure === null && entry.status !== 401;
