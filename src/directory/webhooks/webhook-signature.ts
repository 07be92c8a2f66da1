import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** Standard Webhooks secrets: `whsec_` and base64 of 24 random bytes (the specification's form). */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

/**
 * The Standard Webhooks headers of one delivery: `webhook-id` (the event id, stable across retries so
 * receivers deduplicate), `webhook-timestamp` (seconds) and `webhook-signature`, HMAC-SHA256 signed by
 * the `standardwebhooks` package. During a rotation's overlap every secret signs, space-separated, as
 * the specification allows, so a receiver holding either verifies.
 */
export function webhookHeaders(
  secrets: readonly string[],
  messageId: string,
  at: Date,
  body: string,
): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(messageId, at, body)).join(' '),
  };
}
