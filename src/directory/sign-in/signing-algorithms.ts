/**
 * The JWS algorithms Roster verifies (RFC 7518 §3, RFC 8037 §3.1, RFC 9864 for "Ed25519"): asymmetric
 * ones only. `none` (an unsecured JWS, RFC 7515 §A.5) is never accepted, and neither is an HMAC
 * algorithm: a signer publishes a public key, and "HS256 keyed with the public key" is the classic
 * algorithm-confusion forgery.
 */
export const asymmetricAlgorithms = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const;
export type AsymmetricAlgorithm = (typeof asymmetricAlgorithms)[number];

export function isAsymmetricAlgorithm(name: string): name is AsymmetricAlgorithm {
  return (asymmetricAlgorithms as readonly string[]).includes(name);
}

/** A public key as node:crypto describes it: `asymmetricKeyType` and, for EC keys, the curve. */
export interface PublicKeyKind {
  readonly type: string;
  /** node:crypto's namedCurve (prime256v1, secp384r1, secp521r1). */
  readonly namedCurve?: string | undefined;
}

const curveAlgorithm: ReadonlyMap<string, AsymmetricAlgorithm> = new Map([
  ['prime256v1', 'ES256'],
  ['secp384r1', 'ES384'],
  ['secp521r1', 'ES512'],
]);

/** The algorithms a public key of this kind can verify: its family, nothing else. */
export function algorithmsForKey(kind: PublicKeyKind): readonly AsymmetricAlgorithm[] {
  switch (kind.type) {
    case 'rsa':
      return ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
    case 'rsa-pss':
      return ['PS256', 'PS384', 'PS512'];
    case 'ec': {
      const alg = kind.namedCurve === undefined ? undefined : curveAlgorithm.get(kind.namedCurve);
      return alg ? [alg] : [];
    }
    case 'ed25519':
      return ['EdDSA', 'Ed25519'];
    default:
      return [];
  }
}

/** Why an algorithm name cannot be allowed, or undefined when it can. */
export function algorithmProblem(name: string): string | undefined {
  if (isAsymmetricAlgorithm(name)) return undefined;
  if (name === 'none') return '"none" (an unsigned token) is never accepted';
  if (/^HS\d+$/.test(name))
    return `${name} is an HMAC algorithm; a signer's tokens are verified with public keys`;
  return `"${name}" is not a JWS algorithm Roster verifies (${asymmetricAlgorithms.join(', ')})`;
}
