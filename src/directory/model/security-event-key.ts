/** An organization's ES256 key that signs its Security Event Tokens (RFC 8417 §5, JWS). */
export interface SecurityEventKey {
  readonly kid: string;
  readonly organizationId: string;
  /** The private JWK as JSON, sealed by the at-rest cipher. */
  readonly sealedPrivateKey: string;
  /** The public JWK (with `kid`, `alg`, `use`), as the JWKS publishes it. */
  readonly publicJwk: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
  /** Set when a newer key replaced it: published until then (the overlap), never signing again. */
  readonly retiresAt: string | null;
}
