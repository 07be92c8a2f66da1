import { randomBytes } from 'node:crypto';

/** A recognisable prefix lets secret scanners and humans spot a leaked Roster admin key. */
export const ADMIN_KEY_PREFIX = 'roster_admin_';

/** 256 bits from the CSPRNG, base64url-encoded, behind the prefix. */
export function generateAdminKeySecret(): string {
  return ADMIN_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** What a list shows of a key: the prefix and 4 of its 43 random characters (24 of 256 bits). */
export function adminKeyHint(secret: string): string {
  return `${secret.slice(0, ADMIN_KEY_PREFIX.length + 4)}…`;
}
