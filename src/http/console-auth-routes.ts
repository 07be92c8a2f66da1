import type { FastifyReply, FastifyRequest } from 'fastify';
import { acceptConsoleLink, describeConsoleLink } from '../directory/console-accounts/accept-console-link.js';
import {
  authenticateConsoleSession,
  type ConsolePrincipal,
} from '../directory/console-accounts/authenticate-console-session.js';
import { csrfTokenOf } from '../directory/console-accounts/console-secrets.js';
import type { OpenedConsoleSession } from '../directory/console-accounts/open-console-session.js';
import { signInWithPassword } from '../directory/console-accounts/sign-in-with-password.js';
import { signOutConsoleSession } from '../directory/console-accounts/sign-out-console-session.js';
import type { ConsoleAccount as Account } from '../directory/model/console-account.js';
import { openSetupLink } from '../directory/setup-links/open-setup-link.js';
import { AdminApiError } from './admin/admin-api-error.js';
import type { AdminApiDeps, AdminApp } from './admin/admin-context.js';
import { NoContent, responses } from './admin/schemas/common-schemas.js';
import { clearConsoleCookie, consoleCookieOf, isSecureRequest, setConsoleCookie } from './console-cookie.js';
import { ConsoleLoginThrottle } from './console-login-throttle.js';
import { AcceptLink, ConsoleSession, LinkDescription, LinkTokenBody, SignIn } from './console-schemas.js';
import { checkSameOrigin } from './console-session-auth.js';

const tags = ['Console sign-in'];

export function consoleAccountBody(account: Account) {
  return {
    id: account.id,
    email: account.email,
    organizationId: account.organizationId,
    createdAt: account.createdAt,
    disabledAt: account.disabledAt,
    lastSignInAt: account.lastSignInAt,
    hasPassword: account.hasPassword,
  };
}

function sessionBody(
  principal: Pick<ConsolePrincipal, 'account' | 'organizationId' | 'kind'>,
  opened: { csrfToken: string; expiresAt: string },
) {
  return {
    kind: principal.kind,
    account: principal.account ? consoleAccountBody(principal.account) : null,
    organizationId: principal.organizationId,
    csrfToken: opened.csrfToken,
    expiresAt: opened.expiresAt,
  };
}

/**
 * /api/v1/console: signing in and out of the web console. These routes authenticate themselves (a
 * password, a one-time link, or the session cookie), so they sit outside the admin-key hook.
 */
export function registerConsoleAuthRoutes(app: AdminApp, deps: AdminApiDeps): void {
  const throttle = new ConsoleLoginThrottle();
  const startSession = (
    request: FastifyRequest,
    reply: FastifyReply,
    principal: Pick<ConsolePrincipal, 'account' | 'organizationId' | 'kind'>,
    opened: OpenedConsoleSession,
  ) => {
    setConsoleCookie(reply, opened.secret, isSecureRequest(request, deps.publicBaseUrl));
    return sessionBody(principal, { csrfToken: opened.csrfToken, expiresAt: opened.session.expiresAt });
  };

  app.post(
    '/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign in to the console',
        description:
          'Email and password. Sets the HttpOnly session cookie. Five wrong passwords in a row lock the account for 15 minutes; many failures from one address are refused for a while (429).',
        body: SignIn,
        response: responses({ 200: ConsoleSession }, [400, 403, 429]),
      },
    },
    async (request, reply) => {
      checkSameOrigin(request, undefined);
      const now = deps.clock.now().getTime();
      const wait = throttle.retryAfterMs(request.ip, now);
      if (wait > 0) throw tooMany(reply, wait, 'Too many failed sign-ins from this address.');
      const result = await signInWithPassword(deps, request.body);
      if (!result.ok) {
        throttle.recordFailure(request.ip, now);
        if (result.reason === 'locked') {
          throw tooMany(
            reply,
            Date.parse(result.until) - now,
            'Too many wrong passwords for this account: it is locked for a few minutes.',
          );
        }
        throw new AdminApiError(401, 'unauthorized', 'That email and password do not match an account.');
      }
      return startSession(
        request,
        reply,
        { account: result.account, organizationId: result.account.organizationId, kind: 'account' },
        result.opened,
      );
    },
  );

  app.get(
    '/session',
    {
      schema: {
        tags,
        summary: 'The console session of this cookie',
        description: 'Who is signed in, and the CSRF token state-changing calls must send.',
        response: responses({ 200: ConsoleSession }),
      },
    },
    async (request) => {
      const cookie = consoleCookieOf(request);
      const principal = await authenticateConsoleSession(deps, cookie);
      if (!principal || !cookie) throw new AdminApiError(401, 'unauthorized', 'Not signed in.');
      return sessionBody(principal, {
        csrfToken: csrfTokenOf(cookie),
        expiresAt: principal.session.expiresAt,
      });
    },
  );

  app.post(
    '/sign-out',
    {
      schema: {
        tags,
        summary: 'Sign out of the console',
        description: 'Ends the session at once, on every instance, and clears the cookie.',
        response: responses({ 204: NoContent }, [403]),
      },
    },
    async (request, reply) => {
      const cookie = consoleCookieOf(request);
      const principal = await authenticateConsoleSession(deps, cookie);
      if (principal && cookie) {
        checkSameOrigin(request, cookie);
        await signOutConsoleSession(deps, principal.session.id);
      }
      clearConsoleCookie(reply, isSecureRequest(request, deps.publicBaseUrl));
      return reply.code(204).send();
    },
  );

  app.post(
    '/links/describe',
    {
      schema: {
        tags,
        summary: 'What a one-time account link is for',
        description: 'The first account, an invitation or a password reset, and the account’s email.',
        body: LinkTokenBody,
        response: responses({ 200: LinkDescription }, [400]),
      },
    },
    async (request) =>
      describeConsoleLink(deps, request.body.token) as Promise<{
        kind: 'first_account' | 'invite' | 'reset';
        email: string | null;
        expiresAt: string;
      }>,
  );

  app.post(
    '/links/accept',
    {
      schema: {
        tags,
        summary: 'Use a one-time account link',
        description:
          'Sets the password (the first account’s link also takes the email) and signs in. The link is spent.',
        body: AcceptLink,
        response: responses({ 200: ConsoleSession }, [400, 403, 409]),
      },
    },
    async (request, reply) => {
      checkSameOrigin(request, undefined);
      const { account, opened } = await acceptConsoleLink(deps, request.body);
      return startSession(
        request,
        reply,
        { account, organizationId: account.organizationId, kind: 'account' },
        opened,
      );
    },
  );

  app.post(
    '/setup-links/open',
    {
      schema: {
        tags,
        summary: 'Open a self-serve setup link',
        description:
          'Spends the link and starts a console session limited to its organization, without an account.',
        body: LinkTokenBody,
        response: responses({ 200: ConsoleSession }, [400, 403]),
      },
    },
    async (request, reply) => {
      checkSameOrigin(request, undefined);
      const { organizationId, opened } = await openSetupLink(deps, request.body.token);
      return startSession(request, reply, { account: undefined, organizationId, kind: 'setup' }, opened);
    },
  );
}

function tooMany(reply: FastifyReply, waitMs: number, message: string): AdminApiError {
  reply.header('retry-after', String(Math.max(1, Math.ceil(waitMs / 1000))));
  return new AdminApiError(429, 'rate_limited', message);
}
