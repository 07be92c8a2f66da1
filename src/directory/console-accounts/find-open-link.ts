import { InvalidDirectoryInput } from '../directory-error.js';
import { bearerTokenMatches, hashBearerToken } from '../integrations/bearer-token.js';
import type { ConsoleLink, ConsoleLinkKind } from '../model/console-account.js';
import type { ConsoleDeps } from './console-deps.js';
import { CONSOLE_LINK_PREFIX } from './console-secrets.js';

/**
 * The link a token opens, if it is of one of these kinds and still open (not expired, used or revoked).
 * Every other case is one answer, so a guesser learns nothing about which tokens exist.
 */
export async function findOpenLink(
  deps: Pick<ConsoleDeps, 'store' | 'clock'>,
  token: string,
  kinds: readonly ConsoleLinkKind[],
): Promise<ConsoleLink> {
  const refused = new InvalidDirectoryInput('invalid_console_link', [
    'This link is not valid: it may have expired, been used already, or been replaced by a newer one. Ask for a new link',
  ]);
  if (!token.startsWith(CONSOLE_LINK_PREFIX)) throw refused;
  const found = await deps.store.consoleLinks.findByHash(hashBearerToken(token));
  if (!found || !bearerTokenMatches(token, found.tokenHash)) throw refused;
  const { link } = found;
  const open =
    kinds.includes(link.kind) &&
    link.usedAt === null &&
    link.revokedAt === null &&
    link.expiresAt > deps.clock.now().toISOString();
  if (!open) throw refused;
  return link;
}
