import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  requestLimiter,
  sendRetryAfter,
  type RateLimitSettings,
  type RequestLimiter,
} from '../rate-limits.js';
import {
  authenticateAdminKey,
  type AdminPrincipal,
} from '../../directory/admin-keys/authenticate-admin-key.js';
import type { Clock } from '../../directory/ports/clock.js';
import type { DirectoryStore } from '../../directory/ports/directory-store.js';
import { AdminApiError } from '../admin/admin-api-error.js';
import { bearerTokenFromHeader } from './bearer-token-header.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the admin-key hook for every route under /api/v1. */
    adminPrincipal: AdminPrincipal | undefined;
  }
}

/**
 * The admin API's authentication hook: `Authorization: Bearer roster_admin_...`. A missing, malformed,
 * unknown or revoked key gets the same 401, so the answer does not tell which keys exist.
 */
export function adminKeyAuthentication(deps: {
  store: DirectoryStore;
  clock: Clock;
  rateLimits?: RateLimitSettings | undefined;
}) {
  const limit = requestLimiter(
    deps.rateLimits?.adminPerSecond ?? 0,
    'admin key',
    'ROSTER_RATE_LIMIT_ADMIN_PER_SECOND',
  );
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const principal = await authenticateAdminKey(deps, bearerTokenFromHeader(request.headers.authorization));
    if (!principal) {
      throw new AdminApiError(
        401,
        'unauthorized',
        'A valid admin API key is required (Authorization: Bearer roster_admin_...).',
      );
    }
    await refuseOverLimit(limit, principal.keyId, reply);
    request.adminPrincipal = principal;
    request.log.debug({ adminKeyId: principal.keyId }, 'admin key accepted');
  };
}

/** Counts an admin API call of `key`; over the limit: 429 rate_limited with Retry-After (RFC 6585 §4). */
export async function refuseOverLimit(
  limit: RequestLimiter | undefined,
  key: string,
  reply: FastifyReply,
): Promise<void> {
  const exceeded = await limit?.(key);
  if (exceeded) {
    sendRetryAfter(reply, exceeded);
    throw new AdminApiError(429, 'rate_limited', exceeded.detail);
  }
}

export function adminPrincipalOf(request: FastifyRequest): AdminPrincipal {
  const principal = request.adminPrincipal;
  if (!principal) throw new Error('admin route reached without authentication');
  return principal;
}
