import type { Clock } from '../ports/clock.js';
import type { SignInServices } from './sign-in-services.js';
import { joseTokenKeys } from './token-keys.js';

/** Everything an operator can tune about token verification (src/cli/config.ts reads it). */
export interface SignInSettings {
  readonly clockSkewSeconds: number;
  readonly jwksCacheSeconds: number;
  readonly jwksMinRefreshSeconds: number;
  readonly jwksTimeoutMs: number;
  readonly jwksMaxBytes: number;
  readonly allowPrivateJwksUrls: boolean;
}

export const defaultSignInSettings: SignInSettings = Object.freeze({
  clockSkewSeconds: 60,
  jwksCacheSeconds: 600,
  jwksMinRefreshSeconds: 30,
  jwksTimeoutMs: 5000,
  jwksMaxBytes: 262_144,
  allowPrivateJwksUrls: false,
});

/** The verification services of one process: one JWKS cache, shared by every request. */
export function signInServices(clock: Clock, settings: SignInSettings): SignInServices {
  return {
    clockSkewSeconds: settings.clockSkewSeconds,
    keys: joseTokenKeys(clock, {
      fetch: {
        timeoutMs: settings.jwksTimeoutMs,
        maxBytes: settings.jwksMaxBytes,
        allowPrivateAddresses: settings.allowPrivateJwksUrls,
      },
      cache: {
        cacheSeconds: settings.jwksCacheSeconds,
        minRefreshSeconds: settings.jwksMinRefreshSeconds,
        maxEntries: 10_000,
      },
    }),
  };
}
