import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A recognisable prefix lets secret scanners and humans spot a leaked Roster SCIM token. */
export const TOKEN_PREFIX = 'roster_scim_';

/** 256 bits from the CSPRNG, base64url-encoded. */
export function generateBearerToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * Tokens carry 256 bits of entropy, so a fast hash is the right tool (a slow KDF protects low-entropy
 * passwords, and would cost every SCIM request). Only this hash is stored.
 */
export function hashBearerToken(token: string): string {
  // crypto.hash: the one-shot form, without a Hash object per call (this runs on every SCIM request).
  return hash('sha256', token, 'hex');
}

/** Constant-time comparison of a presented token against a stored hash. */
export function bearerTokenMatches(presented: string, storedHash: string): boolean {
  const presentedHash = hash('sha256', presented, 'buffer');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presentedHash.length && timingSafeEqual(presentedHash, stored);
}
