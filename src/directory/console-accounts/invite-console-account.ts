import { DirectoryConflict, DirectoryNotFound } from '../directory-error.js';
import type { ConsoleAccount } from '../model/console-account.js';
import { checkedEmail } from './console-account-rules.js';
import type { ConsoleDeps } from './console-deps.js';
import { consolePolicy } from './console-policy.js';
import { issueConsoleLink, type IssuedConsoleLink } from './issue-console-link.js';

/**
 * Creates an account without a password and an invitation link that sets one. The link is shown once:
 * the inviter passes it on (Roster sends no mail).
 */
export async function inviteConsoleAccount(
  deps: ConsoleDeps,
  input: { email: string; organizationId: string | null },
): Promise<{ account: ConsoleAccount; invitation: IssuedConsoleLink }> {
  const email = checkedEmail(input.email);
  if (input.organizationId !== null && !(await deps.store.organizations.findById(input.organizationId))) {
    throw new DirectoryNotFound(
      'organization_not_found',
      `No organization with id "${input.organizationId}".`,
    );
  }
  return deps.store.transaction(async (store) => {
    const account: ConsoleAccount = {
      id: deps.ids.newId(),
      email,
      organizationId: input.organizationId,
      createdAt: deps.clock.now().toISOString(),
      disabledAt: null,
      lastSignInAt: null,
      hasPassword: false,
    };
    if (!(await store.consoleAccounts.insert(account, null))) {
      throw new DirectoryConflict(
        'console_email_taken',
        `A console account with the email "${email}" exists.`,
      );
    }
    const invitation = await issueConsoleLink(
      { ...deps, store },
      {
        kind: 'invite',
        accountId: account.id,
        organizationId: account.organizationId,
        label: email,
        lifetimeMs: consolePolicy.inviteLinkMs,
      },
    );
    return { account, invitation };
  });
}
