import type { AuthPolicy, RequiredClaim } from '../model/auth-policy.js';
import type { Identity } from '../model/identity.js';
import { describeRequiredClaim } from '../auth-policies/check-required-claims.js';
import { decideToken, type TokenEvidence } from './decide-token.js';
import { StepLog, type Decision } from './sign-in-steps.js';

/** The policy the identity signs in under: the organization's Default one, or its own. */
export type PolicyEvidence =
  { readonly kind: 'default' } | { readonly kind: 'custom'; readonly policy: AuthPolicy };

export interface SignInEvidence extends TokenEvidence {
  /** The signer's id, which a custom policy must list. */
  readonly signerId: string;
  /** The claim whose value is an identity's sign-in external ID. */
  readonly externalIdClaim: string;
  /** The identities whose sign-in external ID equals the claim's value (as many as the lookup found). */
  readonly identities?: readonly Identity[];
  readonly policy?: PolicyEvidence;
}

export interface SignedIn {
  readonly identity: Identity;
  /** The claim's value, the sign-in external ID that matched. */
  readonly externalId: string;
  readonly expiresAt: number;
}

/**
 * The whole sign-in decision, pure: the token is valid for the signer (decideToken), its claim names
 * exactly one identity, the identity is active, and the identity's auth policy accepts the signer and
 * the token's claims. The identity and policy are evidence read from the database on every call, so a
 * deactivation is seen by the very next verify.
 */
export function decideSignIn(evidence: SignInEvidence): Decision<SignedIn> {
  const log = new StepLog();
  const token = decideToken(evidence, log);
  if (token.kind !== 'accepted') return token;
  const { claims } = evidence.token;

  const externalId = claimText(claims[evidence.externalIdClaim]);
  if (externalId === undefined) {
    return log.refuse('claim', {
      code: 'no_identity',
      message: `The token has no "${evidence.externalIdClaim}" claim (a string) to match a sign-in external ID with.`,
    });
  }
  log.pass('claim', `${evidence.externalIdClaim} is ${JSON.stringify(externalId)}`);

  const identities = evidence.identities;
  if (!identities) return log.needs({ what: 'identities', externalId });
  const chosen = chooseIdentity(identities);
  if (chosen.kind === 'none') {
    return log.refuse('identity', {
      code: 'no_identity',
      message: `No identity of this organization has the sign-in external ID ${JSON.stringify(externalId)}.`,
    });
  }
  if (chosen.kind === 'ambiguous') {
    return log.refuse('identity', {
      code: 'ambiguous_identity',
      message: `${chosen.count} active identities have the sign-in external ID ${JSON.stringify(externalId)}; fix the mapping so that one does.`,
    });
  }
  const identity = chosen.identity;
  log.pass('identity', `identity "${identity.name}" (${identity.id})`);

  if (identity.status === 'disabled') {
    return log.refuse('status', {
      code: 'identity_disabled',
      message: `The identity "${identity.name}" is disabled.`,
    });
  }
  if (identity.status === 'deleted') {
    return log.refuse('status', {
      code: 'identity_deleted',
      message: `The identity "${identity.name}" was deleted.`,
    });
  }
  log.pass('status', 'active');

  const policy = evidence.policy;
  if (!policy) return log.needs({ what: 'policy', policyId: identity.authPolicyId });
  if (policy.kind === 'default') {
    log.pass('policy', 'the Default policy accepts every enabled signer');
  } else {
    const refusal = policyRefusal(policy.policy, evidence.signerId, evidence.issuer.name, claims);
    if (refusal) return log.refuse('policy', refusal);
    log.pass(
      'policy',
      `"${policy.policy.name}" accepts "${evidence.issuer.name}"${
        policy.policy.requiredClaims.length > 0
          ? ` and ${policy.policy.requiredClaims.map(describeRequiredClaim).join('; ')}`
          : ''
      }`,
    );
  }
  return {
    kind: 'accepted',
    steps: log.steps,
    accepted: { identity, externalId, expiresAt: token.accepted.expiresAt },
  };
}

/** A claim value usable as an external ID: a non-empty string, or a number (employee numbers). */
function claimText(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * One active identity signs in. Several identities may share an external ID (a deleted user and
 * the new one who got the same email): the active one wins; two active ones is a mapping error
 * nobody should be signed in through. With no active one, a disabled one explains the refusal best.
 */
function chooseIdentity(
  identities: readonly Identity[],
): { kind: 'none' } | { kind: 'ambiguous'; count: number } | { kind: 'one'; identity: Identity } {
  const active = identities.filter((i) => i.status === 'active');
  if (active.length > 1) return { kind: 'ambiguous', count: active.length };
  const identity =
    active[0] ??
    identities.find((i) => i.status === 'disabled') ??
    identities.find((i) => i.status === 'deleted');
  return identity ? { kind: 'one', identity } : { kind: 'none' };
}

function policyRefusal(
  policy: AuthPolicy,
  signerId: string,
  signerName: string,
  claims: Readonly<Record<string, unknown>>,
): { code: 'policy_refused'; message: string; rule: string } | undefined {
  if (!policy.signerIds.includes(signerId)) {
    return {
      code: 'policy_refused',
      rule: 'signers',
      message: `The auth policy "${policy.name}" does not accept tokens from "${signerName}".`,
    };
  }
  for (const [index, rule] of policy.requiredClaims.entries()) {
    if (!satisfies(rule, claims[rule.claim])) {
      return {
        code: 'policy_refused',
        rule: `requiredClaims.${index}`,
        message: `The auth policy "${policy.name}" requires that ${describeRequiredClaim(rule)}; the token's ${rule.claim} is ${
          claims[rule.claim] === undefined ? 'missing' : JSON.stringify(claims[rule.claim])
        }.`,
      };
    }
  }
  return undefined;
}

/** `amr` is an array of method names (RFC 8176), `acr` a single string: either may carry the value. */
function satisfies(rule: RequiredClaim, value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some(
    (v) =>
      (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') &&
      rule.anyOf.includes(String(v)),
  );
}
