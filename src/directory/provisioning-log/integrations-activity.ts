import type { Clock } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { DAY_MS, errorRate, uuidV7Floor, type ErrorRate } from './integration-health.js';

export interface IntegrationActivitySummary {
  readonly lastRequestAt: string | null;
  readonly lastRequestStatus: number | null;
  readonly lastDay: ErrorRate;
}

const NONE: IntegrationActivitySummary = {
  lastRequestAt: null,
  lastRequestStatus: null,
  lastDay: errorRate(0, 0),
};

/**
 * Every integration's last request and error rate over 24 h, for the integrations table: one
 * aggregate read for the whole organization (not one health read per row); the log is lossy by
 * design, so the rates are of what was logged.
 */
export async function integrationsActivity(
  deps: { readonly store: DirectoryStore; readonly clock: Clock },
  organizationId: string,
): Promise<(integrationId: string) => IntegrationActivitySummary> {
  const since = uuidV7Floor(deps.clock.now().getTime() - DAY_MS);
  const activity = await deps.store.provisioningLog.activityOf({ organizationId }, since);
  return (integrationId) => {
    const found = activity.get(integrationId);
    if (!found) return NONE;
    return {
      lastRequestAt: found.lastRequest?.occurredAt ?? null,
      lastRequestStatus: found.lastRequest?.status ?? null,
      lastDay: errorRate(found.requests, found.failures),
    };
  };
}
