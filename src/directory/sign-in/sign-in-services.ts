import type { AuthPolicy } from '../model/auth-policy.js';
import type { JwtSigner } from '../model/jwt-signer.js';
import type { Clock } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import type { PolicyEvidence } from './decide-sign-in.js';
import type { TokenIssuer } from './decide-token.js';
import type { KeySource, TokenKeys } from './token-keys.js';

/** What verifying tokens needs besides the store: the key adapter and the clock leeway. */
export interface SignInServices {
  readonly keys: TokenKeys;
  /** Leeway for exp and nbf (RFC 7519 §4.1.4: "some small leeway"). */
  readonly clockSkewSeconds: number;
}

export interface SignInDeps {
  readonly store: DirectoryStore;
  readonly clock: Clock;
  readonly signIn: SignInServices;
}

export function keySourceOf(signer: JwtSigner): KeySource {
  return { cacheKey: `signer:${signer.id}`, jwksUrl: signer.jwksUrl, publicKeyPem: signer.publicKeyPem };
}

export function tokenIssuerOf(signer: JwtSigner, keys: TokenKeys): TokenIssuer {
  return {
    name: signer.name,
    issuer: signer.issuer,
    audience: signer.audience,
    enabled: signer.enabled,
    algorithms: signer.algorithms ?? keys.defaultAlgorithms(keySourceOf(signer)),
  };
}

/** The identity's own policy, or the Default one (no policy, or one that no longer exists). */
export async function policyEvidence(
  store: DirectoryStore,
  organizationId: string,
  policyId: string | null,
): Promise<PolicyEvidence> {
  if (policyId === null) return { kind: 'default' };
  const policy: AuthPolicy | undefined = await store.authPolicies.findById({ organizationId }, policyId);
  return policy && !policy.isDefault ? { kind: 'custom', policy } : { kind: 'default' };
}
