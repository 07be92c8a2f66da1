import { DirectoryNotFound } from '../directory-error.js';
import type { StoredConsoleAccount } from '../model/console-account.js';
import type { DirectoryStore } from '../ports/directory-store.js';

/**
 * The account with this id, if a caller of this scope (null: installation) may see it: an organization's
 * caller sees only that organization's accounts; anything else is "not found", like a missing id.
 */
export async function consoleAccountVisibleTo(
  store: DirectoryStore,
  scope: string | null,
  accountId: string,
): Promise<StoredConsoleAccount> {
  const found = await store.consoleAccounts.findById(accountId);
  if (!found || (scope !== null && found.account.organizationId !== scope)) {
    throw new DirectoryNotFound('console_account_not_found', `No console account with id "${accountId}".`);
  }
  return found;
}
