import type { ProvisioningLogEntry } from '../model/provisioning-log-entry.js';
import type { Clock } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { integrationInOrganization } from '../integrations/integration-in-organization.js';

export const DAY_MS = 86_400_000;

export interface ErrorRate {
  readonly requests: number;
  readonly failures: number;
  /** failures / requests (0 when there were none). */
  readonly rate: number;
}

export interface IntegrationHealth {
  readonly lastRequest: ProvisioningLogEntry | null;
  readonly lastSuccess: ProvisioningLogEntry | null;
  readonly lastFailure: ProvisioningLogEntry | null;
  readonly lastHour: ErrorRate;
  readonly lastDay: ErrorRate;
  readonly tokenExpiresAt: string | null;
  /** Whole days left (negative once expired); null without an expiry. */
  readonly tokenExpiresInDays: number | null;
}

export const errorRate = (requests: number, failures: number): ErrorRate => ({
  requests,
  failures,
  rate: requests === 0 ? 0 : failures / requests,
});

/** The smallest UUIDv7 of a millisecond: log ids at or above it were made at or after that time. */
export function uuidV7Floor(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

/**
 * How an integration is doing, from its provisioning log (issue 16): its last request, success and
 * failure (with the reason), the error rate over the last hour and day, and its token's expiry. Five
 * indexed reads; the log is lossy by design, so the rates are of what was logged.
 */
export async function integrationHealth(
  deps: { readonly store: DirectoryStore; readonly clock: Clock },
  organizationId: string,
  integrationId: string,
): Promise<IntegrationHealth> {
  const integration = await integrationInOrganization(deps.store, organizationId, integrationId);
  const scope = { organizationId, integrationId: integration.id };
  const log = deps.store.provisioningLog;
  const latest = async (outcome?: 'success' | 'failure') =>
    (await log.list(scope, { integrationId: integration.id, outcome, limit: 1 }))[0] ?? null;
  const now = deps.clock.now().getTime();
  const rate = async (ms: number): Promise<ErrorRate> => {
    const { requests, failures } = await log.countSince(scope, uuidV7Floor(now - ms));
    return errorRate(requests, failures);
  };
  const expiresAt = integration.tokenExpiresAt;
  return {
    lastRequest: await latest(),
    lastSuccess: await latest('success'),
    lastFailure: await latest('failure'),
    lastHour: await rate(3_600_000),
    lastDay: await rate(DAY_MS),
    tokenExpiresAt: expiresAt,
    tokenExpiresInDays: expiresAt === null ? null : Math.floor((Date.parse(expiresAt) - now) / DAY_MS),
  };
}
