import { eventJson } from '../events/event-json.js';
import type { SealedWebhookSecrets, WebhookEndpoint } from '../model/webhook-endpoint.js';
import type { Clock, IdSource } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { postWebhook } from './post-webhook.js';
import { webhookHeaders } from './webhook-signature.js';
import type { WebhookSettings } from './webhook-settings.js';

const EVENTS_PER_READ = 100;

export interface WebhookWorkerDeps {
  readonly store: DirectoryStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly webhooks: WebhookSettings;
  /** Told of each attempt (metrics). */
  readonly onAttempt?: (outcome: 'delivered' | 'failed' | 'dead', latencyMs: number) => void;
}

/**
 * Delivers what is due, endpoint by endpoint, until nothing is: claims an endpoint (one deliverer per
 * endpoint across instances), sends the events after its cursor in sequence order, and moves the cursor
 * after each 2xx. A failure stops that endpoint (later events wait: order per endpoint is the promise)
 * and schedules a retry with exponential backoff and jitter; after `giveUpAfterMs` of failing on one
 * event the endpoint is marked failing, and the others go on. Never runs inside a SCIM request.
 *
 * At least once: a crash after the receiver's 2xx and before the cursor moved sends that event again,
 * with the same `webhook-id`, which receivers deduplicate on (Standard Webhooks).
 */
export async function deliverWebhooks(deps: WebhookWorkerDeps, owner: string): Promise<number> {
  let delivered = 0;
  for (;;) {
    const now = deps.clock.now();
    const claimed = await deps.store.webhooks.claim(
      owner,
      now.toISOString(),
      new Date(now.getTime() + deps.webhooks.leaseMs).toISOString(),
    );
    if (!claimed) return delivered;
    delivered += await deliverToEndpoint(deps, owner, claimed.endpoint, claimed.secrets);
  }
}

/** The plain secrets that sign now: the current one, and the previous one during a rotation's overlap. */
export function signingSecrets(settings: WebhookSettings, sealed: SealedWebhookSecrets, now: Date): string[] {
  const secrets = [settings.cipher.decrypt(sealed.current)];
  if (sealed.previous && sealed.previousUntil && Date.parse(sealed.previousUntil) > now.getTime())
    secrets.push(settings.cipher.decrypt(sealed.previous));
  return secrets;
}

/** Exponential backoff with jitter: base·2^(n-1), capped, then a random half to a whole of it. */
export function retryDelayMs(settings: WebhookSettings, attempt: number, random: number): number {
  const ceiling = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** Math.min(attempt - 1, 40));
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}

async function deliverToEndpoint(
  deps: WebhookWorkerDeps,
  owner: string,
  endpoint: WebhookEndpoint,
  sealed: SealedWebhookSecrets,
): Promise<number> {
  const { store, webhooks: settings } = deps;
  const scope = { organizationId: endpoint.organizationId };
  const events = await store.events.list(scope, {
    afterSequence: endpoint.cursorSequence,
    limit: EVENTS_PER_READ,
  });
  let attempts = endpoint.attempts;
  let firstFailureAt = endpoint.firstFailureAt;
  let cursor = endpoint.cursorSequence;
  let advanced = cursor;
  let delivered = 0;
  for (const event of events) {
    if (endpoint.eventTypes && !endpoint.eventTypes.includes(event.type)) {
      cursor = event.sequence;
      continue;
    }
    const at = deps.clock.now();
    const body = JSON.stringify(eventJson(event));
    const outcome = await postWebhook(
      endpoint.url,
      webhookHeaders(signingSecrets(settings, sealed, at), event.id, at, body),
      body,
      settings,
    );
    const attempt = attempts + 1;
    const base = {
      id: deps.ids.newId(),
      endpointId: endpoint.id,
      organizationId: endpoint.organizationId,
      eventId: event.id,
      eventSequence: event.sequence,
      attempt,
      attemptedAt: at.toISOString(),
      statusCode: outcome.statusCode,
      latencyMs: outcome.latencyMs,
      responseExcerpt: outcome.excerpt,
      manual: false,
    };
    if (outcome.ok) {
      await store.webhooks.addDelivery({ ...base, error: null, outcome: 'delivered' });
      deps.onAttempt?.('delivered', outcome.latencyMs);
      const lease = new Date(deps.clock.now().getTime() + settings.leaseMs).toISOString();
      if (!(await store.webhooks.advance(endpoint.id, owner, event.sequence, lease))) return delivered;
      cursor = advanced = event.sequence;
      attempts = 0;
      firstFailureAt = null;
      delivered++;
      continue;
    }
    const failingSince = firstFailureAt ?? at.toISOString();
    const givesUp = at.getTime() - Date.parse(failingSince) >= settings.giveUpAfterMs;
    await store.webhooks.addDelivery({ ...base, error: outcome.error, outcome: givesUp ? 'dead' : 'failed' });
    deps.onAttempt?.(givesUp ? 'dead' : 'failed', outcome.latencyMs);
    // Skipped events before the failing one are passed for good.
    if (cursor > advanced) {
      const lease = new Date(at.getTime() + settings.leaseMs).toISOString();
      await store.webhooks.advance(endpoint.id, owner, cursor, lease);
    }
    await store.webhooks.recordFailure(
      endpoint.id,
      owner,
      {
        attempts: attempt,
        nextAttemptAt: givesUp
          ? null
          : new Date(at.getTime() + retryDelayMs(settings, attempt, Math.random())).toISOString(),
        firstFailureAt: failingSince,
        lastError: outcome.error,
        status: givesUp ? 'failing' : 'active',
        failingReason: givesUp
          ? `Every attempt at event ${event.sequence} failed since ${failingSince} (last: ${outcome.error}).`
          : null,
      },
      at.toISOString(),
    );
    return delivered;
  }
  if (cursor > advanced) {
    const lease = new Date(deps.clock.now().getTime() + settings.leaseMs).toISOString();
    await store.webhooks.advance(endpoint.id, owner, cursor, lease);
  }
  await store.webhooks.release(endpoint.id, owner);
  return delivered;
}
