import { eventJson } from '../events/event-json.js';
import type { SealedWebhookSecrets } from '../model/webhook-endpoint.js';
import { judgeAny2xx, type DestinationSender } from './destination-sender.js';
import { signingSecrets } from './signing-secrets.js';
import { webhookHeaders } from './webhook-signature.js';
import type { WebhookSettings } from './webhook-settings.js';

/** A webhook endpoint: the event as JSON, Standard Webhooks headers signed by every live secret. */
export function webhookSender(settings: WebhookSettings, sealed: SealedWebhookSecrets): DestinationSender {
  return {
    async request(event, at) {
      const body = JSON.stringify(eventJson(event));
      return { headers: webhookHeaders(signingSecrets(settings, sealed, at), event.id, at, body), body };
    },
    judge: judgeAny2xx,
  };
}
