import type { DirectoryDeps } from '../directory-deps.js';
import type { WebhookEndpoint } from '../model/webhook-endpoint.js';
import { newDestination } from './new-destination.js';
import { checkWebhookInput } from './webhook-endpoint-input.js';
import { generateWebhookSecret } from './webhook-signature.js';
import type { WebhookSettings } from './webhook-settings.js';

export interface WebhookEndpointInput {
  readonly url: string;
  readonly description?: string | null | undefined;
  readonly eventTypes?: readonly string[] | null | undefined;
  readonly enabled?: boolean | undefined;
}

/**
 * A new endpoint; it receives the events that commit from now on (redeliver from a cursor for older
 * ones). The `whsec_` secret is in the result only: it is stored sealed by the at-rest cipher.
 */
export async function createWebhookEndpoint(
  deps: DirectoryDeps & { readonly webhooks: WebhookSettings },
  organizationId: string,
  input: WebhookEndpointInput,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const checked = checkWebhookInput(input, deps.webhooks.allowPrivateUrls);
  const now = deps.clock.now().toISOString();
  const secret = generateWebhookSecret();
  const scope = { organizationId };
  const endpoint = newDestination(
    { kind: 'webhook', audience: null, payload: null },
    organizationId,
    { ...input, ...checked },
    { id: deps.ids.newId(), now, cursorSequence: await deps.store.events.head(scope) },
  );
  await deps.store.webhooks.insert(endpoint, deps.webhooks.cipher.encrypt(secret));
  return { endpoint, secret };
}
