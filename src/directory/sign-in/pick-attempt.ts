import type { JwtSigner } from '../model/jwt-signer.js';
import type { SignInRefusal } from './sign-in-refusal.js';
import { signInSteps, type Decision, type SignInStep, type StepOutcome } from './sign-in-steps.js';

export interface Attempt<Accepted> {
  readonly signer: JwtSigner;
  readonly decision: Exclude<Decision<Accepted>, { kind: 'needs' }>;
}

/** Which signers a token is tried against: those that issue its `iss`, else (to explain) all enabled ones. */
export function signersToTry(
  signers: readonly JwtSigner[],
  issuer: unknown,
): {
  readonly byIssuer: boolean;
  readonly signers: readonly JwtSigner[];
  readonly disabled: readonly JwtSigner[];
} {
  const issuing = signers.filter((s) => s.issuer === issuer);
  const enabled = issuing.filter((s) => s.enabled);
  if (enabled.length > 0) return { byIssuer: true, signers: enabled, disabled: [] };
  return { byIssuer: false, signers: signers.filter((s) => s.enabled), disabled: issuing };
}

export type Picked<Accepted> =
  | {
      readonly kind: 'accepted';
      readonly signer: JwtSigner;
      readonly accepted: Accepted;
      readonly steps: readonly StepOutcome[];
    }
  | {
      readonly kind: 'refused';
      readonly signer: JwtSigner | undefined;
      readonly step: SignInStep;
      readonly refusal: SignInRefusal;
      readonly steps: readonly StepOutcome[];
    };

/**
 * The answer from several attempts: the first that signed in; else the refusal of the signer that
 * got furthest (its problem is the one to fix). Tried against every enabled signer because none
 * issues the token's `iss`, a token whose signature one of them verified is `wrong_issuer`; any other
 * is `unknown_signer`.
 */
export function pickAttempt<Accepted>(
  attempts: readonly Attempt<Accepted>[],
  byIssuer: boolean,
  issuer: unknown,
  disabled: readonly JwtSigner[],
): Picked<Accepted> {
  for (const { signer, decision } of attempts) {
    if (decision.kind === 'accepted')
      return { kind: 'accepted', signer, accepted: decision.accepted, steps: decision.steps };
  }
  let best: (Attempt<Accepted> & { decision: { kind: 'refused' } }) | undefined;
  for (const attempt of attempts) {
    const { decision } = attempt;
    if (decision.kind !== 'refused') continue;
    if (!best || rank(decision.step) > rank(best.decision.step)) best = { ...attempt, decision };
  }
  if (best && (byIssuer || rank(best.decision.step) > rank('signature'))) {
    return {
      kind: 'refused',
      signer: best.signer,
      step: best.decision.step,
      refusal: best.decision.refusal,
      steps: best.decision.steps,
    };
  }
  const iss = typeof issuer === 'string' ? JSON.stringify(issuer) : 'missing';
  const message =
    disabled.length > 0
      ? `The JWT signer "${disabled[0]?.name}" that issues ${iss} is disabled.`
      : attempts.length === 0
        ? 'This organization has no enabled JWT signer.'
        : `No enabled JWT signer of this organization issues ${iss}, and none of their keys signed the token.`;
  const refusal: SignInRefusal = { code: 'unknown_signer', message };
  return {
    kind: 'refused',
    signer: undefined,
    step: 'signer',
    refusal,
    steps: [
      { step: 'token', passed: true, detail: 'a signed JWT' },
      { step: 'signer', passed: false, detail: message },
    ],
  };
}

function rank(step: SignInStep): number {
  return signInSteps.indexOf(step);
}
