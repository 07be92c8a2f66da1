import { InvalidDirectoryInput } from '../directory-error.js';
import type { ConsoleDeps } from '../console-accounts/console-deps.js';
import { findOpenLink } from '../console-accounts/find-open-link.js';
import { openConsoleSession, type OpenedConsoleSession } from '../console-accounts/open-console-session.js';

/**
 * Opens a setup link: it is spent (a second open, even racing, is refused) and becomes a console
 * session limited to the link's organization, without an account.
 */
export async function openSetupLink(
  deps: ConsoleDeps,
  token: string,
): Promise<{ organizationId: string; opened: OpenedConsoleSession }> {
  const link = await findOpenLink(deps, token, ['setup']);
  const organizationId = link.organizationId;
  if (organizationId === null) throw new Error('a setup link without its organization');
  return deps.store.transaction(async (store) => {
    if (!(await store.consoleLinks.spend(link.id, deps.clock.now().toISOString()))) {
      throw new InvalidDirectoryInput('invalid_console_link', ['This link has just been used']);
    }
    const opened = await openConsoleSession(
      { ...deps, store },
      { accountId: null, organizationId, setupLinkId: link.id },
    );
    return { organizationId, opened };
  });
}
