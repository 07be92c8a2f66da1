/** A claim a token must carry to sign in under a policy: its value (or one of its values) in `anyOf`. */
export interface RequiredClaim {
  readonly claim: string;
  readonly anyOf: readonly string[];
}

export interface AuthPolicy {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  /** The Default policy accepts every enabled signer and cannot be deleted. */
  readonly isDefault: boolean;
  readonly signerIds: readonly string[];
  /** Every rule must hold (e.g. `amr` containing `mfa`); the Default policy has none. */
  readonly requiredClaims: readonly RequiredClaim[];
}
