import { UnauthorizedError } from '../../core/errors.js';
import type { IntegrationCredential, IntegrationOAuth } from '../model/integration.js';
import type { UserKey } from '../model/scim-resource.js';
import type { IntegrationScope } from '../model/scope.js';
import type { Clock } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import type { IntegrationSettings } from '../model/integration-settings.js';
import type { SignInRefusal } from '../sign-in/sign-in-refusal.js';
import type { SignInServices } from '../sign-in/sign-in-services.js';
import { looksLikeJwt, verifyAccessToken } from '../sign-in/verify-access-token.js';
import { bearerTokenMatches } from './bearer-token.js';
import { UserReadAhead } from '../scim/user-read-ahead.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface IntegrationAuthDeps {
  readonly store: DirectoryStore;
  readonly clock: Clock;
  /** Verifies OAuth access tokens; without it only static tokens are accepted. */
  readonly signIn?: SignInServices;
  /** Told why an OAuth access token was refused (for the log; the client only ever sees the 401). */
  readonly onAccessTokenRefused?: (refusal: SignInRefusal) => void;
}

/**
 * Checks a SCIM request's bearer token against the integration named in its URL. Every failure
 * (unknown integration, missing, wrong, expired or another integration's token) gives the same 401, so
 * the response does not reveal which integrations exist. The stored hash is read on every request:
 * a rotation on any instance takes effect at once.
 *
 * An integration with OAuth settings also accepts JWT access tokens from its issuer (RFC 9068). A
 * presented token that is a JWT takes that path only when OAuth is configured; everything else goes the
 * static-token path, unchanged. Roster's static tokens are never JWTs (they have no dots).
 */
export async function authenticateIntegration(
  deps: IntegrationAuthDeps,
  integrationId: string,
  presentedToken: string | undefined,
  /** The user the request names, read with the credential and handed over only once it is verified. */
  readAhead?: UserKey,
): Promise<{
  scope: IntegrationScope;
  settings: IntegrationSettings;
  oauth: IntegrationOAuth | null;
  method: 'static' | 'oauth';
  /** Read with the credential (no extra statement): the caller refuses the request while paused. */
  pausedAt: string | null;
  /** Read with the credential: keys the integration's resource-type cache (schema extensions). */
  schemaGeneration: number;
  /** With `readAhead`: the user it named, for the request's own read (user-read-ahead.ts). */
  userReadAhead?: UserReadAhead;
}> {
  if (!UUID.test(integrationId)) throw new UnauthorizedError();
  if (!presentedToken) throw new UnauthorizedError();
  const id = integrationId.toLowerCase();
  let credential: IntegrationCredential | undefined;
  let userReadAhead: UserReadAhead | undefined;
  if (readAhead) {
    const found = await deps.store.integrations.findCredentialWithUser(id, readAhead);
    credential = found?.credential;
    if (found) userReadAhead = new UserReadAhead(readAhead, found.user);
  } else {
    credential = await deps.store.integrations.findCredential(id);
  }
  if (!credential) throw new UnauthorizedError();
  const scope = {
    organizationId: credential.integration.organizationId,
    integrationId: credential.integration.id,
  };
  if (credential.oauth !== null && deps.signIn && looksLikeJwt(presentedToken)) {
    const verified = await verifyAccessToken(
      deps.signIn,
      deps.clock.now().getTime(),
      credential.integration.id,
      credential.oauth,
      presentedToken,
    );
    if (!verified.ok) {
      deps.onAccessTokenRefused?.(verified.refusal);
      throw new UnauthorizedError();
    }
    return {
      scope,
      settings: credential.settings,
      oauth: credential.oauth,
      method: 'oauth',
      pausedAt: credential.integration.pausedAt,
      schemaGeneration: credential.schemaGeneration,
      userReadAhead,
    };
  }
  if (credential.tokenHash === null) throw new UnauthorizedError();
  if (!bearerTokenMatches(presentedToken, credential.tokenHash)) throw new UnauthorizedError();
  const expiresAt = credential.integration.tokenExpiresAt;
  if (expiresAt !== null && Date.parse(expiresAt) <= deps.clock.now().getTime()) {
    throw new UnauthorizedError('The bearer token has expired; rotate it and update the identity provider.');
  }
  return {
    scope,
    settings: credential.settings,
    oauth: credential.oauth,
    method: 'static',
    pausedAt: credential.integration.pausedAt,
    schemaGeneration: credential.schemaGeneration,
    userReadAhead,
  };
}
