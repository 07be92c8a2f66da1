import { err, ok, type Result } from '../../core/result.js';

/** The protected header fields the checks use; everything else in the header is ignored. */
export interface TokenHeader {
  readonly alg: string;
  readonly kid: string | undefined;
  readonly typ: string | undefined;
}

/** A compact JWS split and decoded, NOT verified: nothing in it is to be trusted yet. */
export interface ReadToken {
  readonly compact: string;
  readonly header: TokenHeader;
  readonly claims: Readonly<Record<string, unknown>>;
}

/** Far above any real ID or access token (a few KiB), low enough to bound the work on garbage. */
export const MAX_TOKEN_LENGTH = 16_384;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Splits a JWT in the JWS Compact Serialization (RFC 7515 §7.1) and decodes its header and claims.
 * The header's `jwk`, `jku`, `x5u` and `x5c` are ignored on purpose: a token never chooses the key it
 * is checked with (RFC 8725 §3.10). `crit` names extensions Roster does not implement, so a token that
 * carries it must be refused (RFC 7515 §4.1.11).
 */
export function readToken(text: string): Result<ReadToken, string> {
  const compact = text.trim();
  if (compact.length === 0) return err('the token is empty');
  if (compact.length > MAX_TOKEN_LENGTH)
    return err(`the token is longer than ${MAX_TOKEN_LENGTH} characters`);
  const parts = compact.split('.');
  if (parts.length === 5) return err('the token is encrypted (JWE); Roster accepts signed JWTs (JWS)');
  if (parts.length !== 3) return err('the token is not a JWT (three base64url parts separated by dots)');
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  if (![headerPart, payloadPart, signaturePart].every((part) => BASE64URL.test(part))) {
    return err('the token contains characters that are not base64url');
  }
  const header = decodeJsonObject(headerPart);
  if (!header) return err('the token header is not a JSON object');
  const claims = decodeJsonObject(payloadPart);
  if (!claims) return err('the token payload is not a JSON object of claims');
  if (typeof header.alg !== 'string' || header.alg === '') return err('the token header has no "alg"');
  if (header.crit !== undefined) return err('the token header has "crit" extensions Roster does not support');
  if (header.kid !== undefined && typeof header.kid !== 'string')
    return err('the token header "kid" is not a string');
  if (header.typ !== undefined && typeof header.typ !== 'string')
    return err('the token header "typ" is not a string');
  return ok({
    compact,
    header: { alg: header.alg, kid: header.kid as string | undefined, typ: header.typ as string | undefined },
    claims,
  });
}

function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
