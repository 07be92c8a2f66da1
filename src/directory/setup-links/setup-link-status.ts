import type { ConsoleLink } from '../model/console-account.js';

export type SetupLinkStatus = 'active' | 'expired' | 'used' | 'revoked';

export function setupLinkStatus(link: ConsoleLink, now: Date): SetupLinkStatus {
  if (link.revokedAt !== null) return 'revoked';
  if (link.usedAt !== null) return 'used';
  return link.expiresAt <= now.toISOString() ? 'expired' : 'active';
}
