import type { EventType } from './directory-event.js';

/**
 * What a destination receives: `webhook`, the events as JSON signed per Standard Webhooks; or
 * `security_events`, an RFC 8935 receiver of RFC 9967 Security Event Tokens (docs/security-events.md).
 * Both read the one outbox from their own cursor, with the same lease, retries and delivery log.
 */
export type DestinationKind = 'webhook' | 'security_events';

/** RFC 9967 §2.4: `full` carries the resource's state in `data`, `notice` only the changed `attributes`. */
export type SetPayloadMode = 'full' | 'notice';

/** A URL that receives an organization's events, signed per Standard Webhooks (docs/webhooks in docs/events.md). */
export interface WebhookEndpoint {
  readonly id: string;
  readonly kind: DestinationKind;
  /** A SET receiver's `aud` claim (null for a webhook). */
  readonly audience: string | null;
  /** A SET receiver's payload mode (null for a webhook). */
  readonly payload: SetPayloadMode | null;
  readonly organizationId: string;
  readonly url: string;
  readonly description: string | null;
  /** Only these types are delivered; null: every type. */
  readonly eventTypes: readonly EventType[] | null;
  readonly enabled: boolean;
  /** `failing`: deliveries gave up after the retry window (dead-letter); redeliver to resume. */
  readonly status: 'active' | 'failing';
  readonly failingReason: string | null;
  /** The sequence number of the last event delivered (or skipped by the type filter). */
  readonly cursorSequence: number;
  /** Failed attempts at the event after the cursor. */
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly firstFailureAt: string | null;
  readonly lastError: string | null;
  /** Until then, deliveries are signed with the previous secret too (rotation overlap). */
  readonly previousSecretUntil: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The endpoint's secrets, sealed as stored. */
export interface SealedWebhookSecrets {
  readonly current: string;
  readonly previous: string | null;
  readonly previousUntil: string | null;
}

export interface WebhookDelivery {
  readonly id: string;
  readonly endpointId: string;
  readonly organizationId: string;
  readonly eventId: string;
  readonly eventSequence: number;
  /** 1 for the first attempt at this event, 2 for the first retry, … */
  readonly attempt: number;
  readonly attemptedAt: string;
  readonly statusCode: number | null;
  readonly latencyMs: number;
  readonly error: string | null;
  readonly responseExcerpt: string | null;
  /**
   * `dead`: the attempt after which the endpoint was marked failing. `rejected`: a SET receiver answered
   * 400 with an RFC 8935 §2.3 error; that SET is not sent again and delivery goes on after it.
   */
  readonly outcome: 'delivered' | 'failed' | 'dead' | 'rejected';
  /** Sent by a manual redelivery. */
  readonly manual: boolean;
}

/** What the worker records after a failed attempt. */
export interface WebhookFailure {
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly firstFailureAt: string;
  readonly lastError: string;
  readonly status: 'active' | 'failing';
  readonly failingReason: string | null;
}
