import type { CryptoKey } from 'jose';
import type { IntegrationOAuth } from '../model/integration.js';
import { decideToken, type TokenEvidence } from './decide-token.js';
import { readToken } from './read-token.js';
import type { SignInRefusal } from './sign-in-refusal.js';
import type { SignInServices } from './sign-in-services.js';
import type { KeySource } from './token-keys.js';

/** A compact JWS has three base64url parts; Roster's own SCIM tokens have no dots. */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
}

/**
 * An OAuth 2.0 access token for an integration's SCIM endpoint (RFC 9068): signed by a key of the
 * integration's JWKS, issued by its issuer for its audience, unexpired. The same pure decideToken as
 * sign-in, without the identity steps: the token authorizes the IdP, not a person.
 */
export async function verifyAccessToken(
  services: SignInServices,
  nowMs: number,
  integrationId: string,
  oauth: IntegrationOAuth,
  token: string,
): Promise<{ ok: true } | { ok: false; refusal: SignInRefusal }> {
  const read = readToken(token);
  if (!read.ok) return { ok: false, refusal: { code: 'malformed_token', message: read.error } };
  const source: KeySource = {
    cacheKey: `integration:${integrationId}`,
    jwksUrl: oauth.jwksUrl,
    publicKeyPem: null,
  };
  let evidence: TokenEvidence = {
    token: read.value,
    issuer: {
      name: `integration ${integrationId}`,
      issuer: oauth.issuer,
      audience: oauth.audience,
      enabled: true,
      algorithms: services.keys.defaultAlgorithms(source),
    },
    picked: 'the integration’s OAuth issuer',
    nowMs,
    clockSkewSeconds: services.clockSkewSeconds,
    accessToken: true,
  };
  let keys: readonly CryptoKey[] = [];
  for (;;) {
    const decision = decideToken(evidence);
    if (decision.kind === 'accepted') return { ok: true };
    if (decision.kind === 'refused') return { ok: false, refusal: decision.refusal };
    if (decision.needs.what === 'key') {
      const found = await services.keys.find(source, read.value.header);
      keys = found.kind === 'found' ? found.keys : [];
      evidence = { ...evidence, key: { kind: found.kind, detail: found.detail } };
    } else {
      evidence = {
        ...evidence,
        signatureValid: await services.keys.verify(read.value.compact, read.value.header.alg, keys),
      };
    }
  }
}
