import { jwtSignerInOrganization } from '../organizations/find-in-organization.js';
import type { JwtSigner } from '../model/jwt-signer.js';
import { attemptSignIn } from './attempt-sign-in.js';
import { readToken } from './read-token.js';
import type { SignInRefusal } from './sign-in-refusal.js';
import { signInSteps, type SignInStep } from './sign-in-steps.js';
import type { SignInDeps } from './sign-in-services.js';
import { capitalize } from './verify-sign-in.js';

export interface ExplainedStep {
  readonly step: SignInStep;
  /** `not_checked`: an earlier step refused, so this one never ran (as in a real verify). */
  readonly result: 'passed' | 'failed' | 'not_checked';
  readonly detail: string;
}

export interface SignInExplanation {
  readonly signer: JwtSigner;
  readonly wouldSignIn: boolean;
  /** The identity it signs in as, when it would. */
  readonly identityId: string | null;
  readonly refusal: SignInRefusal | null;
  readonly steps: readonly ExplainedStep[];
}

/**
 * The signer test (`roster jwt-signer test`, POST .../jwt-signers/{id}/test): the very decision verify
 * makes, for this one signer, with every step it took written out. Not a second copy of the rules:
 * it runs attemptSignIn and only lays its steps out against the full list.
 */
export async function explainSignIn(
  deps: SignInDeps,
  organizationId: string,
  signerId: string,
  token: string,
): Promise<SignInExplanation> {
  const signer = await jwtSignerInOrganization(deps.store, organizationId, signerId);
  const read = readToken(token);
  if (!read.ok) {
    const refusal: SignInRefusal = { code: 'malformed_token', message: `${capitalize(read.error)}.` };
    return explanation(signer, [{ step: 'token', passed: false, detail: refusal.message }], refusal, null);
  }
  const decision = await attemptSignIn(
    deps,
    organizationId,
    read.value,
    signer,
    `the signer under test, "${signer.name}"`,
  );
  if (decision.kind === 'accepted')
    return explanation(signer, decision.steps, null, decision.accepted.identity.id);
  if (decision.kind === 'refused') return explanation(signer, decision.steps, decision.refusal, null);
  throw new Error('sign-in attempt ended waiting for evidence');
}

function explanation(
  signer: JwtSigner,
  ran: readonly { step: SignInStep; passed: boolean; detail: string }[],
  refusal: SignInRefusal | null,
  identityId: string | null,
): SignInExplanation {
  const steps: ExplainedStep[] = ran.map((s) => ({
    step: s.step,
    result: s.passed ? 'passed' : 'failed',
    detail: s.detail,
  }));
  for (const step of signInSteps) {
    if (!steps.some((s) => s.step === step))
      steps.push({ step, result: 'not_checked', detail: 'not checked: an earlier step refused' });
  }
  return { signer, wouldSignIn: refusal === null, identityId, refusal, steps };
}
