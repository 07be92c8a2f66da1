import type { ConsoleDeps } from './console-deps.js';
import { consoleAccountVisibleTo } from './console-account-visible-to.js';
import { consolePolicy } from './console-policy.js';
import { issueConsoleLink, type IssuedConsoleLink } from './issue-console-link.js';

/**
 * A password reset: a new one-time link that sets the password. The account's sessions end and its
 * earlier open links stop working at once; the old password keeps working until the link is used.
 */
export async function resetConsoleAccount(
  deps: ConsoleDeps,
  scope: string | null,
  accountId: string,
): Promise<IssuedConsoleLink> {
  const { account } = await consoleAccountVisibleTo(deps.store, scope, accountId);
  return deps.store.transaction(async (store) => {
    const now = deps.clock.now().toISOString();
    await store.consoleLinks.revokeOpenLinksOf(account.id, now);
    await store.consoleSessions.revokeAllOf(account.id, now);
    return issueConsoleLink(
      { ...deps, store },
      {
        kind: account.hasPassword ? 'reset' : 'invite',
        accountId: account.id,
        organizationId: account.organizationId,
        label: account.email,
        lifetimeMs: account.hasPassword ? consolePolicy.resetLinkMs : consolePolicy.inviteLinkMs,
      },
    );
  });
}
