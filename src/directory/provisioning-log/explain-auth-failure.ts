import type { AuthFailure } from '../model/provisioning-log-entry.js';
import type { IntegrationScope } from '../model/scope.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { hashBearerToken } from '../integrations/bearer-token.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AuthFailureExplanation {
  readonly scope: IntegrationScope;
  readonly failure: AuthFailure;
  readonly reason: string;
}

/**
 * Why a SCIM request got 401, for the provisioning log only (the client always gets the same 401, so
 * it learns nothing about which integrations or tokens exist). Runs after the response, off the request
 * path. Undefined when the URL names no integration: the request belongs to no tenant, so no
 * organization's log gets it. The token itself is only ever hashed here.
 */
export async function explainAuthFailure(
  deps: { readonly store: DirectoryStore },
  /** When the request was refused (the explanation runs a moment later). */
  refusedAt: Date,
  integrationId: string,
  authorization: string | undefined,
  presentedToken: string | undefined,
  accessTokenRefusal: string | undefined,
): Promise<AuthFailureExplanation | undefined> {
  if (!UUID.test(integrationId)) return undefined;
  const credential = await deps.store.integrations.findCredential(integrationId.toLowerCase());
  if (!credential) return undefined;
  const scope = {
    organizationId: credential.integration.organizationId,
    integrationId: credential.integration.id,
  };
  const explained = (failure: AuthFailure, reason: string) => ({ scope, failure, reason });
  if (authorization === undefined || authorization.trim() === '')
    return explained('missing_header', 'The request had no Authorization header.');
  if (!presentedToken)
    return explained('malformed_header', 'The Authorization header is not "Bearer <token>".');
  if (accessTokenRefusal !== undefined)
    return explained('access_token_refused', `The OAuth access token was refused: ${accessTokenRefusal}`);
  if (credential.tokenHash === null)
    return explained('no_token_configured', 'The integration has no bearer token (it was revoked).');
  const hash = hashBearerToken(presentedToken);
  if (hash === credential.tokenHash) {
    const expiresAt = credential.integration.tokenExpiresAt;
    if (expiresAt !== null && Date.parse(expiresAt) <= refusedAt.getTime())
      return explained(
        'expired_token',
        `The token expired at ${expiresAt}; rotate it and update the identity provider.`,
      );
    return explained('unknown_token', 'The token was refused.');
  }
  const retiredAt = await deps.store.provisioningLog.retiredTokenAt(scope, hash);
  if (retiredAt !== undefined)
    return explained(
      'rotated_token',
      `The token was rotated away at ${retiredAt}; the identity provider still sends the old one.`,
    );
  const other = await deps.store.provisioningLog.integrationWithToken(scope, hash);
  if (other !== undefined)
    return explained(
      'other_integration_token',
      `The token is the one of another integration (${other}) of this organization.`,
    );
  return explained('unknown_token', 'The token is not this integration’s (an unknown token).');
}
