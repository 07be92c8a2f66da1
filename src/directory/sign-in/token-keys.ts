import { createPublicKey } from 'node:crypto';
import { compactVerify, errors, importSPKI, type CryptoKey } from 'jose';
import type { Clock } from '../ports/clock.js';
import { fetchJwks, type JwksFetchSettings } from './fetch-jwks.js';
import { JwksCache, type JwksCacheSettings, type SetLookup } from './jwks-cache.js';
import type { TokenHeader } from './read-token.js';
import { algorithmsForKey, asymmetricAlgorithms } from './signing-algorithms.js';

/** Where an issuer's keys come from: a JWKS URL or a configured PEM public key. */
export interface KeySource {
  /** Separates the caches of different signers (and integrations) that share a URL. */
  readonly cacheKey: string;
  readonly jwksUrl: string | null;
  readonly publicKeyPem: string | null;
}

export type KeyLookup = SetLookup;

/** The adapter the sign-in decision gets its keys and signature checks from. */
export interface TokenKeys {
  /** The algorithms an issuer accepts when none are configured: the asymmetric family of its key. */
  defaultAlgorithms(source: KeySource): readonly string[];
  find(source: KeySource, header: TokenHeader): Promise<KeyLookup>;
  /** Whether one of `keys` verifies the token's signature under `alg` (jose does the cryptography). */
  verify(
    compact: string,
    alg: string,
    keys: readonly CryptoKey[],
  ): Promise<{ valid: boolean; detail: string }>;
}

export interface TokenKeySettings {
  readonly fetch: JwksFetchSettings;
  readonly cache: JwksCacheSettings;
}

const MAX_PEM_KEYS = 10_000;

/** TokenKeys over jose: JWKS sets through a JwksCache, PEM keys imported once per algorithm. */
export function joseTokenKeys(clock: Clock, settings: TokenKeySettings): TokenKeys {
  const jwks = new JwksCache((url) => fetchJwks(url, settings.fetch), clock, settings.cache);
  const pemKeys = new Map<string, Promise<CryptoKey>>();
  const pemAlgorithms = new Map<string, readonly string[]>();

  const pemKey = (pem: string, alg: string): Promise<CryptoKey> => {
    const cacheKey = `${alg}\n${pem}`;
    let key = pemKeys.get(cacheKey);
    if (!key) {
      if (pemKeys.size >= MAX_PEM_KEYS) pemKeys.clear();
      key = importSPKI(pem, alg);
      key.catch(() => pemKeys.delete(cacheKey));
      pemKeys.set(cacheKey, key);
    }
    return key;
  };

  return {
    defaultAlgorithms(source) {
      if (source.publicKeyPem === null) return asymmetricAlgorithms;
      let algorithms = pemAlgorithms.get(source.publicKeyPem);
      if (!algorithms) {
        try {
          const key = createPublicKey(source.publicKeyPem);
          algorithms = algorithmsForKey({
            type: key.asymmetricKeyType ?? '',
            namedCurve: key.asymmetricKeyDetails?.namedCurve,
          });
        } catch {
          algorithms = [];
        }
        if (pemAlgorithms.size >= MAX_PEM_KEYS) pemAlgorithms.clear();
        pemAlgorithms.set(source.publicKeyPem, algorithms);
      }
      return algorithms;
    },

    async find(source, header) {
      if (source.jwksUrl !== null) return jwks.keysFor(source.cacheKey, source.jwksUrl, header);
      if (source.publicKeyPem === null)
        return { kind: 'unavailable', detail: 'the signer has no key configured' };
      try {
        return {
          kind: 'found',
          keys: [await pemKey(source.publicKeyPem, header.alg)],
          detail: 'the configured public key',
        };
      } catch {
        return { kind: 'none', detail: `the configured public key cannot verify ${header.alg}` };
      }
    },

    async verify(compact, alg, keys) {
      let problem = 'the key';
      for (const key of keys) {
        try {
          // `algorithms` pins the one algorithm already checked against the issuer's list.
          await compactVerify(compact, key, { algorithms: [alg] });
          return { valid: true, detail: keys.length > 1 ? 'one of the matching keys' : 'the key' };
        } catch (error) {
          if (!(error instanceof errors.JWSSignatureVerificationFailed)) {
            problem = `the key (${error instanceof Error ? error.message : 'it cannot be used'})`;
          }
        }
      }
      return { valid: false, detail: keys.length > 1 ? `any of the ${keys.length} matching keys` : problem };
    },
  };
}
