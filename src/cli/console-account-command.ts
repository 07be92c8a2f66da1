import { Command } from 'commander';
import { inviteConsoleAccount } from '../directory/console-accounts/invite-console-account.js';
import { consoleLinkUrl } from '../directory/console-accounts/issue-console-link.js';
import {
  deleteConsoleAccount,
  listConsoleAccounts,
  setConsoleAccountDisabled,
} from '../directory/console-accounts/manage-console-accounts.js';
import { resetConsoleAccount } from '../directory/console-accounts/reset-console-account.js';
import { listOrganizations } from '../directory/organizations/list-organizations.js';
import { organizationNamed } from '../directory/organizations/organization-named.js';
import type { Config } from './config.js';
import { formatTable } from './format-table.js';
import { integrationUrlBase } from './integration-url-base.js';
import { printJson, withDirectory } from './with-organization.js';

/** `roster console-account`: people who sign in to the web console (/console). */
export function consoleAccountCommand(config: () => Config): Command {
  const command = new Command('console-account').description(
    'Manage web console accounts (invite by one-time link, disable, enable, reset, delete)',
  );

  command
    .command('invite')
    .description('Create an account and print its one-time invitation link (valid 7 days)')
    .requiredOption('--email <email>', 'the person’s email address (what they sign in with)')
    .option(
      '--org <organization>',
      'limit the account to this organization (name or id); default: installation-wide',
    )
    .option('--json', 'print JSON')
    .action(async (options: { email: string; org?: string; json?: boolean }) => {
      await withDirectory(config(), async (deps) => {
        const organization =
          options.org === undefined ? undefined : await organizationNamed(deps.store, options.org);
        const { account, invitation } = await inviteConsoleAccount(deps, {
          email: options.email,
          organizationId: organization?.id ?? null,
        });
        const base = await integrationUrlBase(deps.store, config());
        if (base.warning) console.error(base.warning);
        const url = consoleLinkUrl(base.url, 'invite', invitation.token);
        if (options.json)
          return printJson({ account, invitation: { url, expiresAt: invitation.link.expiresAt } });
        const scope = organization ? `organization "${organization.name}"` : 'the whole installation';
        console.log(`Invited ${account.email} (${account.id}) to ${scope}.`);
        console.log(`Invitation link (shown only now, valid until ${invitation.link.expiresAt}):`);
        console.log(`  ${url}`);
      });
    });

  command
    .command('list')
    .description('List console accounts')
    .option('--org <organization>', 'only accounts of this organization (name or id)')
    .option('--json', 'print JSON')
    .action(async (options: { org?: string; json?: boolean }) => {
      await withDirectory(config(), async (deps) => {
        const organization =
          options.org === undefined ? undefined : await organizationNamed(deps.store, options.org);
        const accounts = await listConsoleAccounts(deps, null, organization?.id);
        if (options.json) return printJson(accounts);
        if (accounts.length === 0) return console.log('No console accounts.');
        const names = new Map((await listOrganizations(deps)).map((o) => [o.id, o.name] as const));
        console.log(
          formatTable(
            ['ID', 'EMAIL', 'SCOPE', 'STATUS', 'LAST SIGN-IN'],
            accounts.map((a) => [
              a.id,
              a.email,
              a.organizationId === null
                ? 'installation'
                : `org ${names.get(a.organizationId) ?? a.organizationId}`,
              a.disabledAt ? 'disabled' : a.hasPassword ? 'active' : 'invited',
              a.lastSignInAt ?? '-',
            ]),
          ),
        );
      });
    });

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    command
      .command(`${name} <account>`)
      .description(disabled ? 'Disable an account (its sessions end at once)' : 'Enable a disabled account')
      .action(async (accountId: string) => {
        await withDirectory(config(), async (deps) => {
          const account = await setConsoleAccountDisabled(deps, null, accountId, disabled);
          console.log(`${disabled ? 'Disabled' : 'Enabled'} ${account.email}.`);
        });
      });
  }

  command
    .command('reset <account>')
    .description('Print a one-time link that sets a new password; ends the account’s sessions')
    .action(async (accountId: string) => {
      await withDirectory(config(), async (deps) => {
        const { link, token } = await resetConsoleAccount(deps, null, accountId);
        const base = await integrationUrlBase(deps.store, config());
        if (base.warning) console.error(base.warning);
        console.log(`Password link (shown only now, valid until ${link.expiresAt}):`);
        console.log(`  ${consoleLinkUrl(base.url, link.kind, token)}`);
      });
    });

  command
    .command('delete <account>')
    .description('Delete an account')
    .action(async (accountId: string) => {
      await withDirectory(config(), async (deps) => {
        await deleteConsoleAccount(deps, null, accountId);
        console.log(`Deleted console account ${accountId}.`);
      });
    });

  return command;
}
