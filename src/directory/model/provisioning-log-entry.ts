/** Why a SCIM request was refused at authentication (never the token itself). */
export type AuthFailure =
  | 'missing_header'
  | 'malformed_header'
  | 'unknown_token'
  | 'rotated_token'
  | 'expired_token'
  | 'other_integration_token'
  | 'no_token_configured'
  | 'access_token_refused';

/** One SCIM request an integration made, as the provisioning log keeps it. */
export interface ProvisioningLogEntry {
  readonly id: string;
  readonly organizationId: string;
  readonly integrationId: string;
  readonly requestId: string;
  /** When the request arrived. */
  readonly occurredAt: string;
  readonly method: string;
  /** Path and query, as sent (capped). */
  readonly path: string;
  readonly status: number;
  readonly scimType: string | null;
  readonly durationMs: number;
  readonly resourceType: 'User' | 'Group' | null;
  readonly resourceId: string | null;
  /** The request body with secrets redacted, as JSON text (capped; null when there was none). */
  readonly requestBody: string | null;
  /** A plain-language reason for a failure (the SCIM error's detail, or why authentication failed). */
  readonly reason: string | null;
  readonly authFailure: AuthFailure | null;
}

/** A stored entry with the ids of the events its request produced (joined by request id). */
export interface ProvisioningLogRecord extends ProvisioningLogEntry {
  readonly eventIds: readonly string[];
}

export interface ProvisioningLogQuery {
  readonly integrationId?: string | undefined;
  /** occurredAt ≥ from, < to (ISO 8601). */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly status?: number | undefined;
  readonly outcome?: 'success' | 'failure' | undefined;
  readonly resourceId?: string | undefined;
  readonly requestId?: string | undefined;
  /** Entries older than this id (newest first; ids are UUIDv7, so id order is time order). */
  readonly beforeId?: string | undefined;
  readonly limit: number;
}
