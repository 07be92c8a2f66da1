import type { EventType } from './directory-event.js';

/** A URL that receives an organization's events, signed per Standard Webhooks (docs/webhooks in docs/events.md). */
export interface WebhookEndpoint {
  readonly id: string;
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
  /** `dead`: the attempt after which the endpoint was marked failing. */
  readonly outcome: 'delivered' | 'failed' | 'dead';
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
