import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Recognisable prefixes, so secret scanners and humans can tell what leaked. */
export const CONSOLE_SESSION_PREFIX = 'roster_console_';
export const CONSOLE_LINK_PREFIX = 'roster_link_';

/** 256 bits from the CSPRNG; stored only as SHA-256 (integrations/bearer-token.ts). */
export function generateConsoleSecret(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * The CSRF token of a session: an HMAC of the session's secret, so nothing more is stored and it can
 * be handed to the page on every load. A page of another origin can neither read the cookie (HttpOnly)
 * nor this token (the same-origin policy), so it cannot send the header state-changing calls need.
 */
export function csrfTokenOf(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update('roster-console-csrf').digest('base64url');
}

export function csrfTokenMatches(sessionSecret: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenOf(sessionSecret));
  const actual = Buffer.from(presented);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
