import type { CryptoKey } from 'jose';
import type { JwtSigner } from '../model/jwt-signer.js';
import { decideSignIn, type SignedIn, type SignInEvidence } from './decide-sign-in.js';
import type { ReadToken } from './read-token.js';
import type { Decision } from './sign-in-steps.js';
import { keySourceOf, policyEvidence, tokenIssuerOf, type SignInDeps } from './sign-in-services.js';

/** How many identities sharing one external ID are read: enough to tell one from several. */
const IDENTITY_LOOKUP_LIMIT = 10;

/**
 * Runs the pure decision for one signer, looking up each piece of evidence it asks for: the key, the
 * signature check, the identities with the claim's value, their policy. Nothing is looked up after a
 * refusal, and nothing about the identity is cached: its row is read on every call.
 */
export async function attemptSignIn(
  deps: SignInDeps,
  organizationId: string,
  token: ReadToken,
  signer: JwtSigner,
  picked: string,
): Promise<Decision<SignedIn>> {
  const keys = deps.signIn.keys;
  let evidence: SignInEvidence = {
    token,
    issuer: tokenIssuerOf(signer, keys),
    picked,
    nowMs: deps.clock.now().getTime(),
    clockSkewSeconds: deps.signIn.clockSkewSeconds,
    signerId: signer.id,
    externalIdClaim: signer.externalIdClaim,
  };
  let candidates: readonly CryptoKey[] = [];
  for (;;) {
    const decision = decideSignIn(evidence);
    if (decision.kind !== 'needs') return decision;
    const needed = decision.needs;
    switch (needed.what) {
      case 'key': {
        const found = await keys.find(keySourceOf(signer), token.header);
        candidates = found.kind === 'found' ? found.keys : [];
        evidence = { ...evidence, key: { kind: found.kind, detail: found.detail } };
        break;
      }
      case 'signature':
        evidence = {
          ...evidence,
          signatureValid: await keys.verify(token.compact, token.header.alg, candidates),
        };
        break;
      case 'identities':
        evidence = {
          ...evidence,
          identities: await deps.store.identities.findBySignInExternalId(
            { organizationId },
            needed.externalId,
            IDENTITY_LOOKUP_LIMIT,
          ),
        };
        break;
      case 'policy':
        evidence = { ...evidence, policy: await policyEvidence(deps.store, organizationId, needed.policyId) };
        break;
    }
  }
}
