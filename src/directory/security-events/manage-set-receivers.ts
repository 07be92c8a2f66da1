import type { DirectoryDeps } from '../directory-deps.js';
import { InvalidDirectoryInput } from '../directory-error.js';
import type { SetPayloadMode, WebhookEndpoint } from '../model/webhook-endpoint.js';
import { updateWebhookEndpoint } from '../webhooks/manage-webhook-endpoints.js';
import { newDestination } from '../webhooks/new-destination.js';
import { checkWebhookInput } from '../webhooks/webhook-endpoint-input.js';
import type { WebhookSettings } from '../webhooks/webhook-settings.js';
import { currentSigningKey } from './security-event-keys.js';

type Deps = DirectoryDeps & { readonly webhooks: WebhookSettings };

export interface SetReceiverInput {
  readonly url: string;
  readonly audience: string;
  readonly description?: string | null | undefined;
  readonly eventTypes?: readonly string[] | null | undefined;
  readonly payload?: SetPayloadMode | undefined;
  readonly enabled?: boolean | undefined;
  /** The Authorization header value the receiver wants (RFC 8935 §2: its choice); stored sealed. */
  readonly authorization?: string | null | undefined;
}

function checkAudience(audience: string | undefined): void {
  if (audience !== undefined && audience.trim() === '')
    throw new InvalidDirectoryInput('invalid_webhook', [
      { field: 'audience', message: 'the audience must not be empty' },
    ]);
}

/**
 * A new RFC 8935 SET receiver (a stream, in RFC 9967 words): it receives, as SETs, the events with an
 * RFC 9967 counterpart committed from now on. The organization's signing key is made if it has none,
 * so the JWKS has the key before the first SET. The Authorization value is never returned.
 */
export async function createSetReceiver(
  deps: Deps,
  organizationId: string,
  input: SetReceiverInput,
): Promise<WebhookEndpoint> {
  const checked = checkWebhookInput(input, deps.webhooks.allowPrivateUrls);
  checkAudience(input.audience);
  await currentSigningKey({ ...deps, cipher: deps.webhooks.cipher }, organizationId);
  const now = deps.clock.now().toISOString();
  const receiver = newDestination(
    { kind: 'security_events', audience: input.audience, payload: input.payload ?? 'full' },
    organizationId,
    { ...input, ...checked },
    { id: deps.ids.newId(), now, cursorSequence: await deps.store.events.head({ organizationId }) },
  );
  await deps.store.webhooks.insert(receiver, deps.webhooks.cipher.encrypt(input.authorization ?? ''));
  return receiver;
}

/** Changes what is given; `authorization: null` stops sending one. */
export function updateSetReceiver(
  deps: Deps,
  organizationId: string,
  id: string,
  change: Partial<SetReceiverInput>,
): Promise<WebhookEndpoint> {
  checkAudience(change.audience);
  return updateWebhookEndpoint(deps, organizationId, id, change, 'security_events', {
    ...(change.audience !== undefined ? { audience: change.audience } : {}),
    ...(change.payload !== undefined ? { payload: change.payload } : {}),
    ...(change.authorization !== undefined
      ? { sealedSecret: deps.webhooks.cipher.encrypt(change.authorization ?? '') }
      : {}),
  });
}
