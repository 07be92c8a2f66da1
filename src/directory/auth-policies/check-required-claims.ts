import { err, ok, type Result } from '../../core/result.js';
import type { RequiredClaim } from '../model/auth-policy.js';

export interface RequiredClaimFields {
  readonly claim: string;
  readonly anyOf: readonly string[];
}

/** Claims only the signature protects: a rule on them would be meaningless. */
const RESERVED = ['iss', 'aud', 'exp', 'nbf', 'iat'];

/**
 * A policy's required claims, checked together: each names a claim (e.g. `amr`, RFC 8176; `acr`,
 * OpenID Connect Core §2) and the values of which the token's claim must carry at least one.
 */
export function checkRequiredClaims(
  rules: readonly RequiredClaimFields[],
): Result<readonly RequiredClaim[], string[]> {
  const problems: string[] = [];
  const checked: RequiredClaim[] = [];
  rules.forEach((rule, index) => {
    const where = `requiredClaims.${index}`;
    const claim = rule.claim.trim();
    if (claim === '' || /\s/.test(claim)) problems.push(`${where}: the claim must be a name without spaces`);
    else if (RESERVED.includes(claim))
      problems.push(`${where}: "${claim}" is checked against the signer already; it cannot be a policy rule`);
    const anyOf = [...new Set(rule.anyOf.map((value) => value.trim()).filter((value) => value !== ''))];
    if (anyOf.length === 0) problems.push(`${where}: anyOf must list at least one value`);
    checked.push({ claim, anyOf });
  });
  return problems.length > 0 ? err(problems) : ok(checked);
}

/** One rule in words, for refusals and listings: `amr contains one of mfa`. */
export function describeRequiredClaim(rule: RequiredClaim): string {
  const values = rule.anyOf.map((v) => JSON.stringify(v)).join(', ');
  return rule.anyOf.length === 1
    ? `${rule.claim} must be or contain ${values}`
    : `${rule.claim} must be or contain one of ${values}`;
}
