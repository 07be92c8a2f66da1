import type { SealedWebhookSecrets, WebhookEndpoint } from '../model/webhook-endpoint.js';
import type { Clock, IdSource } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import type { AttemptVerdict, DestinationSender } from '../webhooks/destination-sender.js';
import type { PostOutcome } from '../webhooks/post-webhook.js';
import type { WebhookSettings } from '../webhooks/webhook-settings.js';
import { currentSigningKey, privateKeyOf } from './security-event-keys.js';
import { securityEventIssuer, signSecurityEvent } from './security-event-token.js';

/**
 * RFC 8935 §2.2-2.3: a SET receiver acknowledges with 202; a 400 with the JSON error body
 * (`{"err": …, "description": …}`) says this SET will never be accepted, so it is logged and not sent
 * again. Anything else (another status, a timeout) is retried like a webhook.
 */
export function judgeSetAnswer(outcome: PostOutcome): AttemptVerdict {
  if (outcome.statusCode === 202) return { kind: 'delivered' };
  if (outcome.statusCode === 400 && outcome.excerpt) {
    try {
      const body = JSON.parse(outcome.excerpt) as { err?: unknown; description?: unknown };
      if (typeof body.err === 'string')
        return {
          kind: 'rejected',
          error: `RFC 8935 error ${body.err}${typeof body.description === 'string' ? `: ${body.description}` : ''}`,
        };
    } catch {
      // Not the RFC's error body: a failure like any other.
    }
  }
  if (outcome.ok) return { kind: 'failed', error: `HTTP ${outcome.statusCode} (RFC 8935 expects 202)` };
  return { kind: 'failed', error: outcome.error };
}

/** A SET receiver: each event with an RFC 9967 counterpart as a signed SET, `application/secevent+jwt`. */
export async function setSender(
  deps: {
    readonly store: DirectoryStore;
    readonly clock: Clock;
    readonly ids: IdSource;
    readonly webhooks: WebhookSettings;
  },
  receiver: WebhookEndpoint,
  sealed: SealedWebhookSecrets,
): Promise<DestinationSender> {
  const { cipher, publicBaseUrl } = deps.webhooks;
  const key = await currentSigningKey({ ...deps, cipher }, receiver.organizationId);
  const signer = {
    issuer: securityEventIssuer(publicBaseUrl, receiver.organizationId),
    kid: key.kid,
    key: await privateKeyOf(cipher, key),
  };
  const authorization = cipher.decrypt(sealed.current);
  return {
    async request(event, at) {
      const token = await signSecurityEvent(event, receiver, signer, at);
      if (token === undefined) return undefined;
      return {
        headers: {
          'content-type': 'application/secevent+jwt',
          accept: 'application/json',
          'user-agent': 'Roster-SET/1',
          ...(authorization ? { authorization } : {}),
        },
        body: token,
      };
    },
    judge: judgeSetAnswer,
  };
}
