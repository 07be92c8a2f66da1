import type { Identity } from '../model/identity.js';
import type { JwtSigner } from '../model/jwt-signer.js';
import { attemptSignIn } from './attempt-sign-in.js';
import { pickAttempt, signersToTry, type Attempt } from './pick-attempt.js';
import type { SignedIn } from './decide-sign-in.js';
import { readToken } from './read-token.js';
import type { SignInRefusal } from './sign-in-refusal.js';
import type { SignInStep, StepOutcome } from './sign-in-steps.js';
import type { SignInDeps } from './sign-in-services.js';

export type SignInOutcome =
  | {
      readonly ok: true;
      readonly identity: Identity;
      readonly signer: JwtSigner;
      /** The claim's value that matched the identity's sign-in external ID. */
      readonly externalId: string;
      /** When the token expires (its exp). */
      readonly expiresAt: Date;
      readonly steps: readonly StepOutcome[];
    }
  | {
      readonly ok: false;
      readonly refusal: SignInRefusal;
      readonly step: SignInStep;
      /** The signer the refusal is about, when one was found. */
      readonly signer: JwtSigner | undefined;
      readonly steps: readonly StepOutcome[];
    };

/**
 * POST .../auth/verify: does this token sign someone in to this organization, and who? The token is
 * tried against the enabled signers that issue its `iss` (the Default policy's "every enabled signer");
 * the identity and its policy are read from the database on every call.
 */
export async function verifySignIn(
  deps: SignInDeps,
  organizationId: string,
  token: string,
): Promise<SignInOutcome> {
  const read = readToken(token);
  if (!read.ok) {
    const refusal: SignInRefusal = { code: 'malformed_token', message: `${capitalize(read.error)}.` };
    return {
      ok: false,
      refusal,
      step: 'token',
      signer: undefined,
      steps: [{ step: 'token', passed: false, detail: refusal.message }],
    };
  }
  const signers = await deps.store.jwtSigners.list({ organizationId });
  const { byIssuer, signers: tried, disabled } = signersToTry(signers, read.value.claims.iss);
  const attempts: Attempt<SignedIn>[] = [];
  for (const signer of tried) {
    const picked = byIssuer
      ? `"${signer.name}" issues ${JSON.stringify(signer.issuer)}`
      : `tried "${signer.name}" (no enabled signer issues the token's iss)`;
    const decision = await attemptSignIn(deps, organizationId, read.value, signer, picked);
    if (decision.kind === 'needs') continue;
    attempts.push({ signer, decision });
    if (decision.kind === 'accepted') break;
  }
  const picked = pickAttempt(attempts, byIssuer, read.value.claims.iss, disabled);
  if (picked.kind === 'refused') {
    return {
      ok: false,
      refusal: picked.refusal,
      step: picked.step,
      signer: picked.signer,
      steps: picked.steps,
    };
  }
  return {
    ok: true,
    identity: picked.accepted.identity,
    signer: picked.signer,
    externalId: picked.accepted.externalId,
    expiresAt: new Date(picked.accepted.expiresAt),
    steps: picked.steps,
  };
}

export function capitalize(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
