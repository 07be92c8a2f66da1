import type { ReadToken } from './read-token.js';
import { algorithmProblem } from './signing-algorithms.js';
import { StepLog, type Decision } from './sign-in-steps.js';

/** What a token is checked against: a JWT signer, or an integration's OAuth settings. */
export interface TokenIssuer {
  readonly name: string;
  readonly issuer: string;
  readonly audience: string;
  readonly enabled: boolean;
  /** The algorithms its tokens may use (asymmetric only; decided by signerAlgorithms). */
  readonly algorithms: readonly string[];
}

/** The outcome of the key lookup, as the adapter found it. */
export type KeyEvidence =
  | { readonly kind: 'found'; readonly detail: string }
  | { readonly kind: 'none'; readonly detail: string }
  | { readonly kind: 'unavailable'; readonly detail: string };

export interface TokenEvidence {
  readonly token: ReadToken;
  readonly issuer: TokenIssuer;
  /** Why the issuer was picked, for the `signer` step. */
  readonly picked: string;
  readonly nowMs: number;
  readonly clockSkewSeconds: number;
  /** RFC 9068 §4: an access token's `typ` must say so (see ACCESS_TOKEN_TYPES). */
  readonly accessToken?: boolean;
  readonly key?: KeyEvidence;
  readonly signatureValid?: { readonly valid: boolean; readonly detail: string };
}

/**
 * `at+jwt` is what RFC 9068 §2.1 requires; Entra ID's access tokens say `JWT`, and many IdPs send no
 * `typ` at all, so those pass too. An ID token presented as an access token still fails on `aud`.
 */
const ACCESS_TOKEN_TYPES = ['at+jwt', 'application/at+jwt', 'jwt'];

/**
 * Is this token, signed by this issuer's key, currently valid for it? Pure: the adapter supplies the
 * key lookup and the signature check as evidence. RFC 7519 §7.2 and RFC 8725 §3 in order: algorithm
 * (before any key is touched), key, signature, then the claims, which mean nothing until the
 * signature holds.
 */
export function decideToken(evidence: TokenEvidence, log = new StepLog()): Decision<{ expiresAt: number }> {
  const { token, issuer } = evidence;
  const { header, claims } = token;
  log.pass('token', `a signed JWT, alg ${header.alg}${header.kid ? `, kid "${header.kid}"` : ', no kid'}`);
  if (
    evidence.accessToken &&
    header.typ !== undefined &&
    !ACCESS_TOKEN_TYPES.includes(header.typ.toLowerCase())
  ) {
    return log.refuse('token', {
      code: 'malformed_token',
      message: `The token's typ is "${header.typ}", not an access token (at+jwt).`,
    });
  }
  if (!issuer.enabled) {
    return log.refuse('signer', {
      code: 'unknown_signer',
      message: `The JWT signer "${issuer.name}" is disabled.`,
    });
  }
  log.pass('signer', evidence.picked);

  const problem = algorithmProblem(header.alg);
  if (problem || !issuer.algorithms.includes(header.alg)) {
    return log.refuse('algorithm', {
      code: 'algorithm_not_allowed',
      message: `The token is signed with ${header.alg}; "${issuer.name}" accepts ${issuer.algorithms.join(', ')}${problem ? ` (${problem})` : ''}.`,
    });
  }
  log.pass('algorithm', `${header.alg} is allowed for "${issuer.name}"`);

  const key = evidence.key;
  if (!key) return log.needs({ what: 'key' });
  if (key.kind === 'unavailable') {
    return log.refuse('key', {
      code: 'keys_unavailable',
      message: `The keys of "${issuer.name}" could not be fetched: ${key.detail}.`,
    });
  }
  if (key.kind === 'none') {
    return log.refuse('key', {
      code: 'bad_signature',
      message: `No key of "${issuer.name}" can have signed it: ${key.detail}.`,
    });
  }
  log.pass('key', key.detail);

  const signature = evidence.signatureValid;
  if (!signature) return log.needs({ what: 'signature' });
  if (!signature.valid) {
    return log.refuse('signature', {
      code: 'bad_signature',
      message: `The signature does not verify with ${signature.detail}.`,
    });
  }
  log.pass('signature', `verified with ${signature.detail}`);

  if (claims.iss !== issuer.issuer) {
    return log.refuse('issuer', {
      code: 'wrong_issuer',
      message: `The token's issuer is ${describe(claims.iss)}; "${issuer.name}" issues ${JSON.stringify(issuer.issuer)}.`,
    });
  }
  log.pass('issuer', `iss is ${JSON.stringify(issuer.issuer)}`);

  // RFC 7519 §4.1.3: aud is a string or an array of strings, one of which must identify us.
  const audiences =
    typeof claims.aud === 'string' ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud : [];
  if (!audiences.includes(issuer.audience)) {
    return log.refuse('audience', {
      code: 'wrong_audience',
      message: `The token's audience is ${describe(claims.aud)}; "${issuer.name}" expects ${JSON.stringify(issuer.audience)}.`,
    });
  }
  log.pass('audience', `aud includes ${JSON.stringify(issuer.audience)}`);

  return lifetime(evidence, log);
}

/** RFC 7519 §4.1.4 and §4.1.5, with the configured leeway for clocks that disagree a little. */
function lifetime(evidence: TokenEvidence, log: StepLog): Decision<{ expiresAt: number }> {
  const { claims } = evidence.token;
  const now = evidence.nowMs / 1000;
  const skew = evidence.clockSkewSeconds;
  if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) {
    return log.refuse('lifetime', {
      code: 'malformed_token',
      message: 'The token has no numeric "exp" claim; Roster accepts only tokens that expire.',
    });
  }
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || !Number.isFinite(claims.nbf))) {
    return log.refuse('lifetime', {
      code: 'malformed_token',
      message: 'The token\'s "nbf" claim is not a number.',
    });
  }
  if (now >= claims.exp + skew) {
    return log.refuse('lifetime', {
      code: 'expired',
      message: `The token expired at ${iso(claims.exp)} (now ${iso(now)}, leeway ${skew} s).`,
    });
  }
  if (typeof claims.nbf === 'number' && now + skew < claims.nbf) {
    return log.refuse('lifetime', {
      code: 'not_yet_valid',
      message: `The token is not valid before ${iso(claims.nbf)} (now ${iso(now)}, leeway ${skew} s).`,
    });
  }
  log.pass('lifetime', `valid until ${iso(claims.exp)}`);
  return { kind: 'accepted', steps: log.steps, accepted: { expiresAt: claims.exp * 1000 } };
}

function iso(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? String(seconds) : date.toISOString();
}

function describe(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}
