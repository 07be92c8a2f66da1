import { UnauthorizedError } from '../../core/errors.js';
import type { Clock, DirectoryStore, IntegrationScope } from '../ports.js';
import type { IntegrationSettings } from '../model/integration-settings.js';
import { bearerTokenMatches } from './bearer-token.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks a SCIM request's bearer token against the integration named in its URL. Every failure
 * (unknown integration, missing, wrong, expired or another integration's token) gives the same 401, so
 * the response does not reveal which integrations exist. The stored hash is read on every request:
 * a rotation on any instance takes effect at once.
 */
export async function authenticateIntegration(
  deps: { store: DirectoryStore; clock: Clock },
  integrationId: string,
  presentedToken: string | undefined,
): Promise<{ scope: IntegrationScope; settings: IntegrationSettings }> {
  if (!UUID.test(integrationId)) throw new UnauthorizedError();
  if (!presentedToken) throw new UnauthorizedError();
  const credential = await deps.store.integrations.findCredential(integrationId.toLowerCase());
  if (!credential || credential.tokenHash === null) throw new UnauthorizedError();
  if (!bearerTokenMatches(presentedToken, credential.tokenHash)) throw new UnauthorizedError();
  const expiresAt = credential.integration.tokenExpiresAt;
  if (expiresAt !== null && Date.parse(expiresAt) <= deps.clock.now().getTime()) {
    throw new UnauthorizedError('The bearer token has expired; rotate it and update the identity provider.');
  }
  return {
    scope: {
      organizationId: credential.integration.organizationId,
      integrationId: credential.integration.id,
    },
    settings: credential.settings,
  };
}
