import { createHash } from 'node:crypto';
import { SignJWT, type CryptoKey } from 'jose';
import type { DirectoryEvent } from '../model/directory-event.js';
import type { WebhookEndpoint } from '../model/webhook-endpoint.js';
import { setEventClaims } from './set-event-map.js';

/** The issuer of an organization's SETs; its JWKS is this URL plus `/jwks.json`. */
export function securityEventIssuer(publicBaseUrl: string, organizationId: string): string {
  return `${publicBaseUrl}/security-events/${organizationId}`;
}

/**
 * `jti` (RFC 7519 §4.1.7): one per receiver and event, the same on every retry of that SET, so a
 * receiver deduplicates a retransmission (RFC 8935 §2: the SET is the unit of delivery).
 */
export function setJti(receiverId: string, eventId: string): string {
  return createHash('sha256').update(`${receiverId}\n${eventId}`).digest('hex').slice(0, 32);
}

/**
 * The signed SET (RFC 8417) of one event for one receiver, or undefined when RFC 9967 has no counterpart
 * for the event's type. Claims: iss, iat, jti, aud, txn (the SCIM request id that caused it; the event id
 * when none did), sub_id (RFC 9967 §2.1) and events. Header `typ: secevent+jwt` (RFC 8417 §2.3).
 */
export async function signSecurityEvent(
  event: DirectoryEvent,
  receiver: WebhookEndpoint,
  signer: { readonly issuer: string; readonly kid: string; readonly key: CryptoKey },
  at: Date,
): Promise<string | undefined> {
  const claims = setEventClaims(event, receiver.payload ?? 'full');
  if (!claims) return undefined;
  return new SignJWT({
    txn: event.cause.requestId ?? event.id,
    sub_id: claims.subId,
    events: claims.events,
  })
    .setProtectedHeader({ alg: 'ES256', typ: 'secevent+jwt', kid: signer.kid })
    .setIssuer(signer.issuer)
    .setAudience(receiver.audience ?? signer.issuer)
    .setJti(setJti(receiver.id, event.id))
    .setIssuedAt(Math.floor(at.getTime() / 1000))
    .sign(signer.key);
}
