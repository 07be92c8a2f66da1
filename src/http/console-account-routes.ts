import { Type } from 'typebox';
import { inviteConsoleAccount } from '../directory/console-accounts/invite-console-account.js';
import { consoleLinkUrl } from '../directory/console-accounts/issue-console-link.js';
import {
  deleteConsoleAccount,
  getConsoleAccount,
  listConsoleAccounts,
  setConsoleAccountDisabled,
} from '../directory/console-accounts/manage-console-accounts.js';
import { resetConsoleAccount } from '../directory/console-accounts/reset-console-account.js';
import { AdminApiError } from './admin/admin-api-error.js';
import type { AdminApiDeps, AdminApp } from './admin/admin-context.js';
import { adminPrincipalOf } from './auth/admin-key-auth.js';
import { Id, ListOf, NoContent, responses } from './admin/schemas/common-schemas.js';
import { consoleAccountBody } from './console-auth-routes.js';
import {
  AccountLink,
  AccountQuery,
  ConsoleAccount,
  InviteAccount,
  InvitedAccount,
} from './console-schemas.js';
import { refuseSetupSession } from './console-session-auth.js';

const tags = ['Console accounts'];
const AccountParams = Type.Object({ accountId: Id }, { additionalProperties: false });

/**
 * /api/v1/console-accounts: installation keys and accounts manage every account; an organization's
 * key or account manages that organization's accounts only (another's are 404, like missing ones).
 */
export function registerConsoleAccountRoutes(app: AdminApp, deps: AdminApiDeps): void {
  const scopeOf = (request: Parameters<typeof adminPrincipalOf>[0]) => {
    refuseSetupSession(request);
    return adminPrincipalOf(request).organizationId;
  };

  app.get(
    '/console-accounts',
    {
      schema: {
        tags,
        summary: 'List console accounts',
        querystring: AccountQuery,
        response: responses({ 200: ListOf(ConsoleAccount) }, [400, 403]),
      },
    },
    async (request) => ({
      data: (await listConsoleAccounts(deps, scopeOf(request), request.query.organizationId)).map(
        consoleAccountBody,
      ),
    }),
  );

  app.post(
    '/console-accounts',
    {
      schema: {
        tags,
        summary: 'Invite a console account',
        description:
          'Creates the account without a password and answers a one-time invitation link (valid 7 days) that sets one. Roster sends no mail: pass the link on.',
        body: InviteAccount,
        response: responses({ 201: InvitedAccount }, [400, 403, 404, 409]),
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const organizationId = request.body.organizationId ?? scope;
      if (scope !== null && organizationId !== scope) {
        throw new AdminApiError(403, 'forbidden', 'You can invite accounts of your own organization only.');
      }
      const { account, invitation } = await inviteConsoleAccount(deps, {
        email: request.body.email,
        organizationId,
      });
      return reply.code(201).send({
        account: consoleAccountBody(account),
        invitation: {
          url: consoleLinkUrl(deps.publicBaseUrl, 'invite', invitation.token),
          expiresAt: invitation.link.expiresAt,
        },
      });
    },
  );

  app.get(
    '/console-accounts/:accountId',
    {
      schema: {
        tags,
        summary: 'Show a console account',
        params: AccountParams,
        response: responses({ 200: ConsoleAccount }, [403, 404]),
      },
    },
    async (request) =>
      consoleAccountBody(await getConsoleAccount(deps, scopeOf(request), request.params.accountId)),
  );

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/console-accounts/:accountId/${action}`,
      {
        schema: {
          tags,
          summary: disabled ? 'Disable a console account' : 'Enable a console account',
          description: disabled ? 'Its sessions end at once; it cannot sign in until enabled.' : undefined,
          params: AccountParams,
          response: responses({ 200: ConsoleAccount }, [403, 404]),
        },
      },
      async (request) =>
        consoleAccountBody(
          await setConsoleAccountDisabled(deps, scopeOf(request), request.params.accountId, disabled),
        ),
    );
  }

  app.post(
    '/console-accounts/:accountId/reset',
    {
      schema: {
        tags,
        summary: 'Reset a console account’s password',
        description:
          'Answers a one-time link (valid 24 hours) that sets a new password; the account’s sessions and earlier links end at once.',
        params: AccountParams,
        response: responses({ 200: AccountLink }, [403, 404]),
      },
    },
    async (request) => {
      const { link, token } = await resetConsoleAccount(deps, scopeOf(request), request.params.accountId);
      return { url: consoleLinkUrl(deps.publicBaseUrl, link.kind, token), expiresAt: link.expiresAt };
    },
  );

  app.delete(
    '/console-accounts/:accountId',
    {
      schema: {
        tags,
        summary: 'Delete a console account',
        params: AccountParams,
        response: responses({ 204: NoContent }, [403, 404]),
      },
    },
    async (request, reply) => {
      await deleteConsoleAccount(deps, scopeOf(request), request.params.accountId);
      return reply.code(204).send();
    },
  );
}
