import type { EventType } from '../model/directory-event.js';
import type { WebhookEndpoint } from '../model/webhook-endpoint.js';

/** A new delivery destination (webhook endpoint or SET receiver): active, at the feed's end, no failures. */
export function newDestination(
  kind: Pick<WebhookEndpoint, 'kind' | 'audience' | 'payload'>,
  organizationId: string,
  input: {
    readonly url: string;
    readonly description?: string | null | undefined;
    readonly eventTypes?: readonly EventType[] | readonly string[] | null | undefined;
    readonly enabled?: boolean | undefined;
  },
  at: { readonly id: string; readonly now: string; readonly cursorSequence: number },
): WebhookEndpoint {
  return {
    id: at.id,
    ...kind,
    organizationId,
    url: input.url,
    description: input.description ?? null,
    eventTypes: (input.eventTypes as readonly EventType[] | null | undefined) ?? null,
    enabled: input.enabled ?? true,
    status: 'active',
    failingReason: null,
    cursorSequence: at.cursorSequence,
    attempts: 0,
    nextAttemptAt: null,
    firstFailureAt: null,
    lastError: null,
    previousSecretUntil: null,
    createdAt: at.now,
    updatedAt: at.now,
  };
}
