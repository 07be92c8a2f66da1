import type { ConsoleAccount } from '../model/console-account.js';
import type { ConsoleDeps } from './console-deps.js';
import { consoleAccountVisibleTo } from './console-account-visible-to.js';

/** Accounts a caller of this scope (null: installation) may see; oldest first. */
export async function listConsoleAccounts(
  deps: Pick<ConsoleDeps, 'store'>,
  scope: string | null,
  organizationId?: string,
): Promise<readonly ConsoleAccount[]> {
  return deps.store.consoleAccounts.list(scope ?? organizationId);
}

export async function getConsoleAccount(
  deps: Pick<ConsoleDeps, 'store'>,
  scope: string | null,
  accountId: string,
): Promise<ConsoleAccount> {
  return (await consoleAccountVisibleTo(deps.store, scope, accountId)).account;
}

/** Disabling ends the account's sessions at once; enabling lets it sign in again. */
export async function setConsoleAccountDisabled(
  deps: ConsoleDeps,
  scope: string | null,
  accountId: string,
  disabled: boolean,
): Promise<ConsoleAccount> {
  const { account } = await consoleAccountVisibleTo(deps.store, scope, accountId);
  const now = deps.clock.now().toISOString();
  const disabledAt = disabled ? (account.disabledAt ?? now) : null;
  await deps.store.transaction(async (store) => {
    await store.consoleAccounts.setDisabled(account.id, disabledAt);
    if (disabled) await store.consoleSessions.revokeAllOf(account.id, now);
  });
  return { ...account, disabledAt };
}

/** Deletes the account; its sessions and links go with it (foreign keys cascade). */
export async function deleteConsoleAccount(
  deps: ConsoleDeps,
  scope: string | null,
  accountId: string,
): Promise<void> {
  const { account } = await consoleAccountVisibleTo(deps.store, scope, accountId);
  await deps.store.consoleAccounts.delete(account.id);
}
