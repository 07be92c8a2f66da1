import type { SealedWebhookSecrets, WebhookEndpoint } from '../model/webhook-endpoint.js';
import type { Clock, IdSource } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { setSender } from '../security-events/set-sender.js';
import type { DestinationSender } from './destination-sender.js';
import { postWebhook } from './post-webhook.js';
import { webhookSender } from './webhook-sender.js';
import type { WebhookSettings } from './webhook-settings.js';

export { signingSecrets } from './signing-secrets.js';

const EVENTS_PER_READ = 100;

export interface WebhookWorkerDeps {
  readonly store: DirectoryStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly webhooks: WebhookSettings;
  /** Told of each attempt (metrics). */
  readonly onAttempt?: (
    outcome: 'delivered' | 'failed' | 'dead' | 'rejected',
    latencyMs: number,
    kind: WebhookEndpoint['kind'],
  ) => void;
}

/**
 * Delivers what is due, destination by destination (webhook endpoints and SET receivers alike), until
 * nothing is: claims a destination (one deliverer per
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

/** How a destination of this kind is sent an event (the rest of the worker is the same for all). */
export function senderFor(
  deps: WebhookWorkerDeps,
  endpoint: WebhookEndpoint,
  sealed: SealedWebhookSecrets,
): Promise<DestinationSender> {
  return endpoint.kind === 'security_events'
    ? setSender(deps, endpoint, sealed)
    : Promise.resolve(webhookSender(deps.webhooks, sealed));
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
  const sender = await senderFor(deps, endpoint, sealed);
  for (const event of events) {
    const at = deps.clock.now();
    const request =
      endpoint.eventTypes && !endpoint.eventTypes.includes(event.type)
        ? undefined
        : await sender.request(event, at);
    if (!request) {
      cursor = event.sequence;
      continue;
    }
    const outcome = await postWebhook(endpoint.url, request.headers, request.body, settings);
    const verdict = sender.judge(outcome);
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
    if (verdict.kind !== 'failed') {
      const rejected = verdict.kind === 'rejected';
      await store.webhooks.addDelivery({
        ...base,
        error: rejected ? verdict.error : null,
        outcome: rejected ? 'rejected' : 'delivered',
      });
      deps.onAttempt?.(verdict.kind, outcome.latencyMs, endpoint.kind);
      const lease = new Date(deps.clock.now().getTime() + settings.leaseMs).toISOString();
      if (!(await store.webhooks.advance(endpoint.id, owner, event.sequence, lease))) return delivered;
      cursor = advanced = event.sequence;
      attempts = 0;
      firstFailureAt = null;
      if (!rejected) delivered++;
      continue;
    }
    const failingSince = firstFailureAt ?? at.toISOString();
    const givesUp = at.getTime() - Date.parse(failingSince) >= settings.giveUpAfterMs;
    await store.webhooks.addDelivery({ ...base, error: verdict.error, outcome: givesUp ? 'dead' : 'failed' });
    deps.onAttempt?.(givesUp ? 'dead' : 'failed', outcome.latencyMs, endpoint.kind);
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
        lastError: verdict.error,
        status: givesUp ? 'failing' : 'active',
        failingReason: givesUp
          ? `Every attempt at event ${event.sequence} failed since ${failingSince} (last: ${verdict.error}).`
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
