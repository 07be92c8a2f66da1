import type { FastifyRequest } from 'fastify';
import { adminPrincipalOf } from '../auth/admin-key-auth.js';
import { AdminApiError } from './admin-api-error.js';

/**
 * Installation-level operations (creating organizations, managing keys) need an installation key. An
 * organization key gets 403: these routes name no tenant's ids, so refusing openly leaks nothing.
 */
export function requireInstallationKey(request: FastifyRequest): void {
  if (adminPrincipalOf(request).organizationId !== null) {
    throw new AdminApiError(403, 'forbidden', 'This needs an installation-wide admin key.');
  }
}
