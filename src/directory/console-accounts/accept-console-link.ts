import { DirectoryConflict, InvalidDirectoryInput } from '../directory-error.js';
import type { ConsoleAccount, ConsoleLinkKind } from '../model/console-account.js';
import { checkedEmail, checkedPassword } from './console-account-rules.js';
import type { ConsoleDeps } from './console-deps.js';
import { findOpenLink } from './find-open-link.js';
import { openConsoleSession, type OpenedConsoleSession } from './open-console-session.js';
import { hashPassword } from './password-hash.js';

const ACCOUNT_LINKS: readonly ConsoleLinkKind[] = ['first_account', 'invite', 'reset'];

/** What an account link is for, so its page can say it before the password is typed. */
export async function describeConsoleLink(
  deps: ConsoleDeps,
  token: string,
): Promise<{ kind: ConsoleLinkKind; email: string | null; expiresAt: string }> {
  const link = await findOpenLink(deps, token, ACCOUNT_LINKS);
  const email =
    link.accountId === null
      ? null
      : ((await deps.store.consoleAccounts.findById(link.accountId))?.account.email ?? null);
  return { kind: link.kind, email, expiresAt: link.expiresAt };
}

/**
 * Uses a one-time account link: the first account's link creates an installation-wide account with
 * this email; an invitation or reset sets the account's password. The link is spent (a second use, even
 * racing, is refused) and the new password signs in at once.
 */
export async function acceptConsoleLink(
  deps: ConsoleDeps,
  input: { token: string; password: string; email?: string | undefined },
): Promise<{ account: ConsoleAccount; opened: OpenedConsoleSession }> {
  const link = await findOpenLink(deps, input.token, ACCOUNT_LINKS);
  const passwordHash = await hashPassword(checkedPassword(input.password));
  const now = deps.clock.now().toISOString();
  return deps.store.transaction(async (store) => {
    const spent = await store.consoleLinks.spend(link.id, now);
    if (!spent) throw new InvalidDirectoryInput('invalid_console_link', ['This link has just been used']);
    let account: ConsoleAccount;
    if (link.kind === 'first_account') {
      if (input.email === undefined) {
        throw new InvalidDirectoryInput('invalid_email', [
          { field: 'email', message: 'Enter an email address.' },
        ]);
      }
      account = {
        id: deps.ids.newId(),
        email: checkedEmail(input.email),
        organizationId: null,
        createdAt: now,
        disabledAt: null,
        lastSignInAt: now,
        hasPassword: true,
      };
      if (!(await store.consoleAccounts.insert(account, passwordHash))) {
        throw new DirectoryConflict('console_email_taken', `A console account with this email exists.`);
      }
    } else {
      const found = link.accountId ? await store.consoleAccounts.findById(link.accountId) : undefined;
      if (!found)
        throw new InvalidDirectoryInput('invalid_console_link', ['This link’s account was deleted']);
      await store.consoleAccounts.setPassword(found.account.id, passwordHash);
      account = { ...found.account, hasPassword: true, lastSignInAt: now };
    }
    await store.consoleAccounts.recordSignIn(account.id, now);
    const opened = await openConsoleSession(
      { ...deps, store },
      { accountId: account.id, organizationId: account.organizationId, setupLinkId: null },
    );
    return { account, opened };
  });
}
