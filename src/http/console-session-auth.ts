import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  authenticateConsoleSession,
  type ConsolePrincipal,
} from '../directory/console-accounts/authenticate-console-session.js';
import { csrfTokenMatches } from '../directory/console-accounts/console-secrets.js';
import type { IdSource } from '../directory/ports/clock.js';
import { AdminApiError } from './admin/admin-api-error.js';
import { adminKeyAuthentication, refuseOverLimit } from './auth/admin-key-auth.js';
import { requestLimiter } from './rate-limits.js';
import { CSRF_HEADER, consoleCookieOf } from './console-cookie.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when the admin API call came from the console (a session cookie), not an admin key. */
    consolePrincipal: ConsolePrincipal | undefined;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The admin API accepts an admin key (`Authorization: Bearer roster_admin_...`) or a console session
 * cookie. A call with the cookie that changes state must also carry the session's CSRF token in
 * `x-roster-csrf`, and an `Origin`, when the browser sends one, must be this server's: SameSite=Strict
 * already keeps the cookie off other sites' requests, and these two hold even where it does not.
 */
export function adminAuthentication(deps: Parameters<typeof adminKeyAuthentication>[0] & { ids: IdSource }) {
  const byKey = adminKeyAuthentication(deps);
  // Each console session is limited like an admin key (the same setting, its own count).
  const limit = requestLimiter(
    deps.rateLimits?.adminPerSecond ?? 0,
    'console session',
    'ROSTER_RATE_LIMIT_ADMIN_PER_SECOND',
  );
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const cookie = consoleCookieOf(request);
    if (request.headers.authorization !== undefined || cookie === undefined) return byKey(request, reply);
    const principal = await authenticateConsoleSession(deps, cookie);
    if (!principal) {
      throw new AdminApiError(401, 'unauthorized', 'Your console session has ended; sign in again.');
    }
    if (!SAFE_METHODS.has(request.method)) checkSameOrigin(request, cookie);
    await refuseOverLimit(limit, principal.session.id, reply);
    request.consolePrincipal = principal;
    request.adminPrincipal = {
      keyId: `console-session:${principal.session.id}`,
      // Who the audit log names: the account's email, or that a setup link was used.
      name: principal.account?.email ?? 'setup link',
      organizationId: principal.organizationId,
    };
  };
}

/** A state-changing console call: the session's CSRF token, and no foreign Origin. */
export function checkSameOrigin(request: FastifyRequest, sessionSecret: string | undefined): void {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    if (host !== request.headers.host) {
      throw new AdminApiError(403, 'forbidden', 'This request came from another site, so it was refused.');
    }
  }
  if (sessionSecret === undefined) return;
  const presented = request.headers[CSRF_HEADER];
  if (!csrfTokenMatches(sessionSecret, typeof presented === 'string' ? presented : undefined)) {
    throw new AdminApiError(
      403,
      'forbidden',
      'The console’s request check (CSRF token) is missing or stale; reload the page and try again.',
    );
  }
}

export function consolePrincipalOf(request: FastifyRequest): ConsolePrincipal | undefined {
  return request.consolePrincipal;
}

/** Console accounts, setup links and admin keys are managed by accounts and keys, never by a setup link. */
export function refuseSetupSession(request: FastifyRequest): void {
  if (request.consolePrincipal?.kind === 'setup') {
    throw new AdminApiError(403, 'forbidden', 'A setup link cannot do this; ask the app that sent it.');
  }
}
