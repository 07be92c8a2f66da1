import { createLocalJWKSet, errors, type CryptoKey, type JSONWebKeySet } from 'jose';
import type { Clock } from '../ports/clock.js';
import { JwksFetchError } from './fetch-jwks.js';

export interface JwksCacheSettings {
  /** A fetched key set is used this long before it is fetched again (an unknown kid refreshes sooner). */
  readonly cacheSeconds: number;
  /** At most one fetch per key set in this time, whatever tokens arrive: an unknown kid is not a lever. */
  readonly minRefreshSeconds: number;
  /** Key sets kept at once; the least recently fetched go first. */
  readonly maxEntries: number;
}

type LocalSet = ReturnType<typeof createLocalJWKSet>;

interface Entry {
  set: LocalSet | undefined;
  fetchedAt: number | undefined;
  attemptedAt: number | undefined;
  failure: string | undefined;
  pending: Promise<void> | undefined;
}

export type SetLookup =
  | { readonly kind: 'found'; readonly keys: readonly CryptoKey[]; readonly detail: string }
  | { readonly kind: 'none'; readonly detail: string }
  | { readonly kind: 'unavailable'; readonly detail: string };

/**
 * Key sets fetched from JWKS URLs, cached per signer. A token whose `kid` is not in the cached set
 * makes one refresh (the IdP rotated its keys), but never more than one per `minRefreshSeconds` per
 * set, and concurrent requests share one fetch. When a refresh fails the previous set stays in use.
 * Time comes from the injected clock, so tests move it instead of waiting.
 */
export class JwksCache {
  private readonly entries = new Map<string, Entry>();
  private readonly fetchSet: (url: string) => Promise<unknown>;
  private readonly clock: Clock;
  private readonly settings: JwksCacheSettings;

  constructor(fetchSet: (url: string) => Promise<unknown>, clock: Clock, settings: JwksCacheSettings) {
    this.fetchSet = fetchSet;
    this.clock = clock;
    this.settings = settings;
  }

  /** The keys of the set at `url` that may verify a token with this header. */
  async keysFor(
    cacheKey: string,
    url: string,
    header: { alg: string; kid: string | undefined },
  ): Promise<SetLookup> {
    const entry = this.entry(`${cacheKey}\n${url}`);
    const now = this.clock.now().getTime();
    if (entry.set === undefined || now - (entry.fetchedAt ?? 0) >= this.settings.cacheSeconds * 1000) {
      await this.refresh(entry, url);
    }
    if (entry.set === undefined) {
      return { kind: 'unavailable', detail: `${url}: ${entry.failure ?? 'not fetched yet'}` };
    }
    const first = await select(entry.set, header);
    if (first.length > 0) return this.found(first, header, url);
    if (!this.mayRefresh(entry)) {
      const wait = Math.ceil(
        this.settings.minRefreshSeconds - (this.clock.now().getTime() - (entry.attemptedAt ?? 0)) / 1000,
      );
      return {
        kind: 'none',
        detail: `${describeKid(header)} is not in the key set from ${url}, which is fetched again at most every ${this.settings.minRefreshSeconds} s (next in ${Math.max(wait, 1)} s)`,
      };
    }
    await this.refresh(entry, url);
    const second = entry.set === undefined ? [] : await select(entry.set, header);
    if (second.length > 0) return this.found(second, header, url);
    if (entry.failure) return { kind: 'unavailable', detail: `${url}: ${entry.failure}` };
    return {
      kind: 'none',
      detail: `${describeKid(header)} is not in the key set from ${url}, fetched again just now`,
    };
  }

  private found(keys: readonly CryptoKey[], header: { kid: string | undefined }, url: string): SetLookup {
    const which =
      header.kid === undefined
        ? keys.length > 1
          ? `one of ${keys.length} keys`
          : 'the key'
        : `key "${header.kid}"`;
    return { kind: 'found', keys, detail: `${which} of the key set from ${url}` };
  }

  private mayRefresh(entry: Entry): boolean {
    if (entry.pending) return true;
    const since = this.clock.now().getTime() - (entry.attemptedAt ?? -Infinity);
    return since >= this.settings.minRefreshSeconds * 1000;
  }

  /** One fetch at a time per set, and none within minRefreshSeconds of the last attempt. */
  private async refresh(entry: Entry, url: string): Promise<void> {
    if (entry.pending) return entry.pending;
    if (!this.mayRefresh(entry)) return;
    entry.attemptedAt = this.clock.now().getTime();
    entry.pending = (async () => {
      try {
        const document = await this.fetchSet(url);
        entry.set = createLocalJWKSet(document as JSONWebKeySet);
        entry.fetchedAt = this.clock.now().getTime();
        entry.failure = undefined;
      } catch (error) {
        entry.failure =
          error instanceof JwksFetchError
            ? error.message
            : error instanceof errors.JWKSInvalid
              ? 'the answer is not a JSON Web Key Set ({"keys": [...]})'
              : 'the fetch failed';
      } finally {
        entry.pending = undefined;
      }
    })();
    return entry.pending;
  }

  private entry(key: string): Entry {
    let entry = this.entries.get(key);
    if (entry) return entry;
    if (this.entries.size >= this.settings.maxEntries) {
      const oldest = [...this.entries].sort(([, a], [, b]) => (a.attemptedAt ?? 0) - (b.attemptedAt ?? 0))[0];
      if (oldest) this.entries.delete(oldest[0]);
    }
    entry = {
      set: undefined,
      fetchedAt: undefined,
      attemptedAt: undefined,
      failure: undefined,
      pending: undefined,
    };
    this.entries.set(key, entry);
    return entry;
  }
}

function describeKid(header: { kid: string | undefined; alg: string }): string {
  return header.kid === undefined ? `no key for ${header.alg}` : `the key "${header.kid}"`;
}

/** The set's keys usable for this header (jose matches kid, kty, crv, use and key_ops). */
async function select(set: LocalSet, header: { alg: string; kid: string | undefined }): Promise<CryptoKey[]> {
  try {
    return [await set({ alg: header.alg, ...(header.kid === undefined ? {} : { kid: header.kid }) })];
  } catch (error) {
    if (error instanceof errors.JWKSMultipleMatchingKeys) {
      const keys: CryptoKey[] = [];
      for await (const key of error) keys.push(key as CryptoKey);
      return keys;
    }
    if (error instanceof errors.JWKSNoMatchingKey) return [];
    // A member jose cannot import (a key of another type under this kid) matches nothing.
    return [];
  }
}
