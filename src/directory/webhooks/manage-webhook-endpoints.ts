import { decodeEventCursor } from '../events/event-cursor.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { DirectoryNotFound, InvalidDirectoryInput } from '../directory-error.js';
import type { DestinationKind, WebhookDelivery, WebhookEndpoint } from '../model/webhook-endpoint.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import type { WebhookEndpointChange } from '../ports/webhook-repository.js';
import { checkWebhookInput } from './webhook-endpoint-input.js';
import { generateWebhookSecret } from './webhook-signature.js';
import type { WebhookSettings } from './webhook-settings.js';

type Deps = DirectoryDeps & { readonly webhooks: WebhookSettings };

/** A destination of this kind in the organization (a webhook id is no SET receiver's, and back). */
export function destinationNotFound(kind: DestinationKind, id: string): DirectoryNotFound {
  return kind === 'webhook'
    ? new DirectoryNotFound('webhook_not_found', `No webhook endpoint with id "${id}".`)
    : new DirectoryNotFound('security_event_receiver_not_found', `No SET receiver with id "${id}".`);
}

export async function webhookEndpointInOrganization(
  store: DirectoryStore,
  organizationId: string,
  id: string,
  kind: DestinationKind = 'webhook',
): Promise<WebhookEndpoint> {
  const endpoint = await store.webhooks.findById({ organizationId }, id);
  if (!endpoint || endpoint.kind !== kind) throw destinationNotFound(kind, id);
  return endpoint;
}

export function listWebhookEndpoints(
  deps: { readonly store: DirectoryStore },
  organizationId: string,
  kind: DestinationKind = 'webhook',
): Promise<readonly WebhookEndpoint[]> {
  return deps.store.webhooks.list({ organizationId }, kind);
}

/** Changes an endpoint's URL, description, event filter or enabled flag (only what is given). */
export async function updateWebhookEndpoint(
  deps: Deps,
  organizationId: string,
  id: string,
  change: {
    url?: string | undefined;
    description?: string | null | undefined;
    eventTypes?: readonly string[] | null | undefined;
    enabled?: boolean | undefined;
  },
  kind: DestinationKind = 'webhook',
  extra: WebhookEndpointChange = {},
): Promise<WebhookEndpoint> {
  const checked = checkWebhookInput(change, deps.webhooks.allowPrivateUrls);
  await webhookEndpointInOrganization(deps.store, organizationId, id, kind);
  const now = deps.clock.now().toISOString();
  const updated = await deps.store.webhooks.update(
    { organizationId },
    id,
    {
      ...checked,
      ...(change.description !== undefined ? { description: change.description } : {}),
      ...(change.enabled !== undefined ? { enabled: change.enabled } : {}),
      ...extra,
    },
    now,
  );
  if (!updated) throw destinationNotFound(kind, id);
  return webhookEndpointInOrganization(deps.store, organizationId, id, kind);
}

export async function deleteWebhookEndpoint(
  deps: { readonly store: DirectoryStore },
  organizationId: string,
  id: string,
  kind: DestinationKind = 'webhook',
): Promise<void> {
  await webhookEndpointInOrganization(deps.store, organizationId, id, kind);
  if (!(await deps.store.webhooks.delete({ organizationId }, id))) throw destinationNotFound(kind, id);
}

/**
 * A new `whsec_` secret, returned once. For `overlapSeconds` the previous one still signs too (each
 * delivery carries both signatures), so receivers can switch without losing a delivery.
 */
export async function rotateWebhookSecret(
  deps: Deps,
  organizationId: string,
  id: string,
  overlapSeconds: number,
): Promise<{ secret: string; previousValidUntil: string | null }> {
  const scope = { organizationId };
  await webhookEndpointInOrganization(deps.store, organizationId, id);
  const sealed = await deps.store.webhooks.secrets(scope, id);
  if (!sealed) throw destinationNotFound('webhook', id);
  const now = deps.clock.now();
  const secret = generateWebhookSecret();
  const previousUntil =
    overlapSeconds > 0 ? new Date(now.getTime() + overlapSeconds * 1000).toISOString() : null;
  await deps.store.webhooks.setSecrets(
    scope,
    id,
    {
      current: deps.webhooks.cipher.encrypt(secret),
      previous: previousUntil ? sealed.current : null,
      previousUntil,
    },
    now.toISOString(),
  );
  return { secret, previousValidUntil: previousUntil };
}

/**
 * Redelivers every event after `cursor` (an events-feed cursor; absent: the oldest kept), in order, and
 * makes a failing endpoint active again: the dead-letter's way back.
 */
export async function redeliverSince(
  deps: Deps,
  organizationId: string,
  id: string,
  cursor: string | undefined,
  kind: DestinationKind = 'webhook',
): Promise<WebhookEndpoint> {
  await webhookEndpointInOrganization(deps.store, organizationId, id, kind);
  let sequence = 0;
  if (cursor) {
    const decoded = decodeEventCursor(cursor);
    if (!decoded.ok)
      throw new InvalidDirectoryInput('invalid_event_query', [{ field: 'after', message: decoded.error }]);
    sequence = decoded.value;
  }
  if (
    !(await deps.store.webhooks.resetCursor({ organizationId }, id, sequence, deps.clock.now().toISOString()))
  )
    throw destinationNotFound(kind, id);
  return webhookEndpointInOrganization(deps.store, organizationId, id, kind);
}

export async function listWebhookDeliveries(
  deps: { readonly store: DirectoryStore },
  organizationId: string,
  id: string,
  page: { readonly beforeId?: string | undefined; readonly limit: number },
  kind: DestinationKind = 'webhook',
): Promise<{ deliveries: readonly WebhookDelivery[]; nextCursor: string | null }> {
  await webhookEndpointInOrganization(deps.store, organizationId, id, kind);
  const rows = await deps.store.webhooks.deliveries({ organizationId }, id, {
    ...page,
    limit: page.limit + 1,
  });
  const deliveries = rows.slice(0, page.limit);
  return { deliveries, nextCursor: rows.length > page.limit ? (deliveries.at(-1)?.id ?? null) : null };
}
