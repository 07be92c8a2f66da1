import type { SignInRefusal } from './sign-in-refusal.js';

/** The checks, in the order they run: verify and the signer test both walk this list. */
export const signInSteps = [
  'token',
  'signer',
  'algorithm',
  'key',
  'signature',
  'issuer',
  'audience',
  'lifetime',
  'claim',
  'identity',
  'status',
  'policy',
] as const;
export type SignInStep = (typeof signInSteps)[number];

/** The steps an OAuth access token for the SCIM endpoint goes through (no identity behind it). */
export const accessTokenSteps = signInSteps.slice(0, signInSteps.indexOf('lifetime') + 1);

export interface StepOutcome {
  readonly step: SignInStep;
  readonly passed: boolean;
  /** What was found, in a sentence: the support answer to "why". */
  readonly detail: string;
}

/** What a decision needs the adapter to look up before it can go on. */
export type Needed =
  | { readonly what: 'key' }
  | { readonly what: 'signature' }
  | { readonly what: 'identities'; readonly externalId: string }
  /** null: the identity has no policy of its own (the Default one applies). */
  | { readonly what: 'policy'; readonly policyId: string | null };

/**
 * A pure decision's answer: done (accepted or refused, with the steps that ran) or waiting for one
 * more piece of evidence. The adapter supplies it and asks again, so I/O happens only when a step
 * needs it and never after a refusal.
 */
export type Decision<Accepted> =
  | { readonly kind: 'needs'; readonly needs: Needed; readonly steps: readonly StepOutcome[] }
  | { readonly kind: 'accepted'; readonly steps: readonly StepOutcome[]; readonly accepted: Accepted }
  | {
      readonly kind: 'refused';
      readonly steps: readonly StepOutcome[];
      readonly step: SignInStep;
      readonly refusal: SignInRefusal;
    };

/** Records the steps as they pass; `refuse` and `needs` end the walk. */
export class StepLog {
  readonly steps: StepOutcome[] = [];

  pass(step: SignInStep, detail: string): void {
    this.steps.push({ step, passed: true, detail });
  }

  refuse(step: SignInStep, refusal: SignInRefusal): Decision<never> {
    this.steps.push({ step, passed: false, detail: refusal.message });
    return { kind: 'refused', steps: this.steps, step, refusal };
  }

  needs(needs: Needed): Decision<never> {
    return { kind: 'needs', needs, steps: this.steps };
  }
}
