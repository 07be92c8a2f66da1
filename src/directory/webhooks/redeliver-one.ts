import type { DirectoryDeps } from '../directory-deps.js';
import { DirectoryNotFound } from '../directory-error.js';
import type { DestinationKind, WebhookDelivery } from '../model/webhook-endpoint.js';
import { senderFor } from './deliver-webhooks.js';
import { webhookEndpointInOrganization } from './manage-webhook-endpoints.js';
import { postWebhook } from './post-webhook.js';
import type { WebhookSettings } from './webhook-settings.js';

/**
 * Sends the event of one delivery again, now (an admin's request, never a SCIM one), and records the
 * attempt as manual. The endpoint's cursor does not move: ordered delivery goes on as it was.
 */
export async function redeliverOne(
  deps: DirectoryDeps & { readonly webhooks: WebhookSettings },
  organizationId: string,
  endpointId: string,
  deliveryId: string,
  kind: DestinationKind = 'webhook',
): Promise<WebhookDelivery> {
  const scope = { organizationId };
  const endpoint = await webhookEndpointInOrganization(deps.store, organizationId, endpointId, kind);
  const previous = await deps.store.webhooks.findDelivery(scope, endpointId, deliveryId);
  if (!previous) throw new DirectoryNotFound('delivery_not_found', `No delivery with id "${deliveryId}".`);
  const [event] = await deps.store.events.list(scope, {
    afterSequence: previous.eventSequence - 1,
    limit: 1,
  });
  if (!event || event.id !== previous.eventId)
    throw new DirectoryNotFound('delivery_not_found', 'The event of this delivery is past retention.');
  const sealed = await deps.store.webhooks.secrets(scope, endpointId);
  if (!sealed)
    throw new DirectoryNotFound('webhook_not_found', `No webhook endpoint with id "${endpointId}".`);
  const at = deps.clock.now();
  const sender = await senderFor(deps, endpoint, sealed);
  const request = await sender.request(event, at);
  if (!request)
    throw new DirectoryNotFound('delivery_not_found', 'This destination does not receive that event.');
  const outcome = await postWebhook(endpoint.url, request.headers, request.body, deps.webhooks);
  const verdict = sender.judge(outcome);
  const delivery: WebhookDelivery = {
    id: deps.ids.newId(),
    endpointId,
    organizationId,
    eventId: event.id,
    eventSequence: event.sequence,
    attempt: previous.attempt + 1,
    attemptedAt: at.toISOString(),
    statusCode: outcome.statusCode,
    latencyMs: outcome.latencyMs,
    error: verdict.kind === 'delivered' ? null : verdict.error,
    responseExcerpt: outcome.excerpt,
    outcome: verdict.kind,
    manual: true,
  };
  await deps.store.webhooks.addDelivery(delivery);
  return delivery;
}
