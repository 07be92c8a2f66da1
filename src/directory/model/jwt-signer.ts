export interface JwtSigner {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string | null;
  readonly publicKeyPem: string | null;
  /** The JWT claim whose value is matched against an identity's sign-in external ID. */
  readonly externalIdClaim: string;
  readonly enabled: boolean;
  /** The JWS algorithms its tokens may use; null: the asymmetric family of its key. */
  readonly algorithms: readonly string[] | null;
}
