import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { SecurityEventKey } from '../model/security-event-key.js';
import type { Clock, IdSource } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import type { SecretCipher } from '../secrets/secret-cipher.js';

interface KeyDeps {
  readonly store: DirectoryStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly cipher: SecretCipher;
}

/** A new ES256 key pair: the private JWK sealed, the public JWK with its `kid` for the JWKS. */
async function newKey(deps: KeyDeps, organizationId: string): Promise<SecurityEventKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = deps.ids.newId();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return {
    kid,
    organizationId,
    sealedPrivateKey: deps.cipher.encrypt(JSON.stringify(await exportJWK(privateKey))),
    publicJwk,
    createdAt: deps.clock.now().toISOString(),
    retiresAt: null,
  };
}

/**
 * The key that signs the organization's SETs now, made on first use. Two instances making the first
 * key at once each insert one; the newest wins from then on and both stay in the JWKS.
 */
export async function currentSigningKey(deps: KeyDeps, organizationId: string): Promise<SecurityEventKey> {
  const scope = { organizationId };
  const existing = await deps.store.securityEventKeys.current(scope);
  if (existing) return existing;
  const key = await newKey(deps, organizationId);
  await deps.store.securityEventKeys.insert(key);
  return key;
}

/**
 * A new signing key; the previous one stops signing at once and stays in the JWKS for `overlapSeconds`,
 * so receivers that cached the JWKS verify SETs already in flight.
 */
export async function rotateSecurityEventKey(
  deps: KeyDeps,
  organizationId: string,
  overlapSeconds: number,
): Promise<{ kid: string; previousKid: string | null; previousPublishedUntil: string | null }> {
  const scope = { organizationId };
  const previous = await deps.store.securityEventKeys.current(scope);
  const now = deps.clock.now();
  const until = new Date(now.getTime() + overlapSeconds * 1000).toISOString();
  const key = await newKey(deps, organizationId);
  await deps.store.transaction(async (store) => {
    await store.securityEventKeys.retireCurrent(scope, until);
    await store.securityEventKeys.insert(key);
  });
  return {
    kid: key.kid,
    previousKid: previous?.kid ?? null,
    previousPublishedUntil: previous ? until : null,
  };
}

/** The JWKS (RFC 7517 §5) of the organization's SET signing keys: the current one and those in overlap. */
export async function securityEventJwks(
  deps: { readonly store: DirectoryStore; readonly clock: Clock },
  organizationId: string,
): Promise<{ keys: JWK[] }> {
  const keys = await deps.store.securityEventKeys.published(
    { organizationId },
    deps.clock.now().toISOString(),
  );
  return { keys: keys.map((key) => ({ ...key.publicJwk }) as JWK) };
}

/** The private key of a stored key, ready for jose. */
export async function privateKeyOf(cipher: SecretCipher, key: SecurityEventKey): Promise<CryptoKey> {
  const jwk = JSON.parse(cipher.decrypt(key.sealedPrivateKey)) as JWK;
  return (await importJWK(jwk, 'ES256')) as CryptoKey;
}
