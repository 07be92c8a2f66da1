import { createPublicKey } from 'node:crypto';
import { err, ok, type Result } from '../../core/result.js';
import type { Problem } from '../directory-error.js';
import { checkName } from '../names/check-name.js';
import { algorithmProblem, algorithmsForKey, type PublicKeyKind } from '../sign-in/signing-algorithms.js';

export interface JwtSignerFields {
  readonly name: string;
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl?: string | null | undefined;
  readonly publicKeyPem?: string | null | undefined;
  /** Defaults to `sub`. */
  readonly externalIdClaim?: string | undefined;
  /** Defaults to true. */
  readonly enabled?: boolean | undefined;
  /** JWS algorithms its tokens may use; null or absent: the asymmetric family of its key. */
  readonly algorithms?: readonly string[] | null | undefined;
}

export interface CheckedJwtSigner {
  readonly name: string;
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string | null;
  /** Normalised to an SPKI "BEGIN PUBLIC KEY" PEM, whatever form it was given in. */
  readonly publicKeyPem: string | null;
  readonly externalIdClaim: string;
  readonly enabled: boolean;
  readonly algorithms: readonly string[] | null;
}

/** Key types that sign JWTs: RS/PS (RSA), ES (EC) and EdDSA (RFC 7518 §3, RFC 8037). */
const jwtKeyTypes = ['rsa', 'rsa-pss', 'ec', 'ed25519', 'ed448'];
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * A JWT signer's fields, checked together (every problem at once): name, issuer and audience are
 * required; the key comes from exactly one of a JWKS URL and a PEM public key.
 */
export function checkJwtSigner(fields: JwtSignerFields): Result<CheckedJwtSigner, Problem[]> {
  const problems: Problem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const name = checkName('A JWT signer', fields.name);
  if (!name.ok) problem('name', name.error);
  const issuer = fields.issuer.trim();
  if (issuer === '') problem('issuer', 'the issuer (the JWT "iss" claim) must not be empty');
  const audience = fields.audience.trim();
  if (audience === '') problem('audience', 'the audience (the JWT "aud" claim) must not be empty');
  const claim = (fields.externalIdClaim ?? 'sub').trim();
  if (claim === '' || /\s/.test(claim))
    problem('externalIdClaim', 'the external ID claim must be a claim name without spaces');

  const jwksUrl = blankToNull(fields.jwksUrl);
  const pem = blankToNull(fields.publicKeyPem);
  let publicKeyPem: string | null = null;
  if ((jwksUrl === null) === (pem === null)) {
    problem('jwksUrl', 'give exactly one of a JWKS URL and a PEM public key');
  } else if (jwksUrl !== null) {
    const urlProblem = jwksUrlProblem(jwksUrl);
    if (urlProblem) problem('jwksUrl', urlProblem);
  } else if (pem !== null) {
    const key = publicKey(pem);
    if (key.ok) publicKeyPem = key.value.pem;
    else problem('publicKeyPem', key.error);
  }
  const algorithms = checkAlgorithms(fields.algorithms, pem === null ? undefined : publicKey(pem), problems);
  if (!name.ok || problems.length > 0) return err(problems);
  return ok({
    name: name.value,
    issuer,
    audience,
    jwksUrl,
    publicKeyPem,
    externalIdClaim: claim,
    enabled: fields.enabled ?? true,
    algorithms,
  });
}

/** An explicit list must be asymmetric algorithms, each one the signer's PEM key can verify. */
function checkAlgorithms(
  wanted: readonly string[] | null | undefined,
  key: Result<{ kind: PublicKeyKind }, string> | undefined,
  problems: Problem[],
): readonly string[] | null {
  const problem = (message: string) => problems.push({ field: 'algorithms', message });
  if (wanted === undefined || wanted === null) return null;
  const names = [...new Set(wanted.map((name) => name.trim()))];
  if (names.length === 0) {
    problem('algorithms must name at least one algorithm (or be left out for the default)');
    return null;
  }
  for (const name of names) {
    const refused = algorithmProblem(name);
    if (refused) problem(`algorithms: ${refused}`);
  }
  if (key?.ok) {
    const fitting = algorithmsForKey(key.value.kind) as readonly string[];
    const misfits = names.filter((name) => algorithmProblem(name) === undefined && !fitting.includes(name));
    if (misfits.length > 0)
      problem(
        `algorithms: the public key cannot verify ${misfits.join(', ')} (it fits ${fitting.join(', ')})`,
      );
  }
  return names;
}

function blankToNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed === undefined || trimmed === '' ? null : trimmed;
}

/** Keys fetched over plain HTTP could be swapped by anyone on the path; only loopback is exempt. */
export function jwksUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `the JWKS URL "${text}" is not a URL`;
  }
  if (url.username !== '' || url.password !== '') return 'the JWKS URL must not contain credentials';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname)) return undefined;
  return 'the JWKS URL must use https (http is allowed only for localhost)';
}

function publicKey(pem: string): Result<{ pem: string; kind: PublicKeyKind }, string> {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    return err('that is a private key: give the public key (openssl pkey -in key.pem -pubout)');
  }
  try {
    const key = createPublicKey(pem);
    if (!jwtKeyTypes.includes(key.asymmetricKeyType ?? '')) {
      return err(
        `a ${key.asymmetricKeyType ?? 'unknown'} key cannot sign JWTs; use an RSA, EC or Ed25519 key`,
      );
    }
    const kind = { type: key.asymmetricKeyType ?? '', namedCurve: key.asymmetricKeyDetails?.namedCurve };
    if (algorithmsForKey(kind).length === 0) {
      return err(
        `a ${kind.type} key${kind.namedCurve ? ` on ${kind.namedCurve}` : ''} signs no JWS algorithm Roster verifies; use RSA, EC P-256/P-384/P-521 or Ed25519`,
      );
    }
    return ok({ pem: key.export({ type: 'spki', format: 'pem' }).toString().trim(), kind });
  } catch {
    return err('the public key is not a PEM public key ("-----BEGIN PUBLIC KEY-----" …) that can be read');
  }
}
