import type { ProvisioningLogEntry, ProvisioningLogQuery } from '../model/provisioning-log-entry.js';
import type { IntegrationScope, OrganizationScope } from '../model/scope.js';

export interface IntegrationActivity {
  readonly requests: number;
  readonly failures: number;
  readonly lastRequest: { readonly occurredAt: string; readonly status: number } | null;
}

/**
 * The provisioning log: a record of SCIM requests, written in batches outside the requests (lossy by
 * design: losing a log row never fails a request), and what it needs to explain refused tokens.
 */
export interface ProvisioningLogRepository {
  /** Writes a batch of entries (any organizations) in as few statements as the engine allows. */
  insertMany(entries: readonly ProvisioningLogEntry[]): Promise<void>;
  /** Entries newest first. */
  list(scope: OrganizationScope, query: ProvisioningLogQuery): Promise<readonly ProvisioningLogEntry[]>;
  /** The ids of the events each of these requests produced, by request id. */
  eventIdsOf(
    scope: OrganizationScope,
    requests: readonly { readonly integrationId: string; readonly requestId: string }[],
  ): Promise<ReadonlyMap<string, readonly string[]>>;
  /** Requests and failures (status ≥ 400) of an integration with ids from `fromId` on (UUIDv7: from a time on). */
  countSince(
    scope: IntegrationScope,
    fromId: string,
  ): Promise<{ readonly requests: number; readonly failures: number }>;
  /**
   * Per integration of the organization that has log entries: requests and failures with ids from
   * `fromId` on, and its newest entry's time and status (of any age). Two statements, whatever the
   * number of integrations (the console's integrations table).
   */
  activityOf(scope: OrganizationScope, fromId: string): Promise<ReadonlyMap<string, IntegrationActivity>>;
  /** Deletes entries (and remembered tokens) older than `before`, at most `limit` entries; returns how many. */
  prune(before: string, limit: number): Promise<number>;
  /**
   * Remembers the hash of the integration's current token as rotated away now (call before replacing
   * it), so a request still sending it is explained.
   */
  retireCurrentToken(scope: IntegrationScope, retiredAt: string): Promise<void>;
  /** When this integration's token with this hash was rotated away (undefined: it never was). */
  retiredTokenAt(scope: IntegrationScope, tokenHash: string): Promise<string | undefined>;
  /** The integration (of this organization) whose current token has this hash, if any. */
  integrationWithToken(scope: OrganizationScope, tokenHash: string): Promise<string | undefined>;
}
