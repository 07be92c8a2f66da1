import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../core/errors.js';
import type { Clock } from '../directory/ports/clock.js';
import type { DirectoryStore } from '../directory/ports/directory-store.js';
import { securityEventJwks } from '../directory/security-events/security-event-keys.js';

/**
 * `GET /security-events/{organizationId}/jwks.json`: the public keys that verify the organization's SETs
 * (RFC 7517 JWKS), without authentication: receivers fetch it. The current key and the previous ones
 * still in their rotation overlap; 404 while the organization has signed nothing.
 */
export function registerSecurityEventJwksRoute(
  app: FastifyInstance,
  deps: { readonly store: DirectoryStore; readonly clock: Clock },
): void {
  app.get<{ Params: { organizationId: string } }>(
    '/security-events/:organizationId/jwks.json',
    async (request, reply) => {
      const jwks = await securityEventJwks(deps, request.params.organizationId);
      if (jwks.keys.length === 0) throw new NotFoundError('No security event signing keys here.');
      return reply
        .header('cache-control', 'public, max-age=300')
        .type('application/jwk-set+json')
        .send(JSON.stringify(jwks));
    },
  );
}
