/**
 * Why a token does not sign anyone in: a stable machine code (apps branch on it; docs/sign-in.md lists
 * them) and a sentence for people. `rule` names the policy rule for `policy_refused`.
 */
export const signInRefusalCodes = [
  'malformed_token',
  'unknown_signer',
  'algorithm_not_allowed',
  'keys_unavailable',
  'bad_signature',
  'wrong_issuer',
  'wrong_audience',
  'expired',
  'not_yet_valid',
  'no_identity',
  'ambiguous_identity',
  'identity_disabled',
  'identity_deleted',
  'policy_refused',
] as const;
export type SignInRefusalCode = (typeof signInRefusalCodes)[number];

export interface SignInRefusal {
  readonly code: SignInRefusalCode;
  readonly message: string;
  /** For policy_refused: the rule that refused (`signers`, or `requiredClaims.<n>`). */
  readonly rule?: string;
}
