import type { DirectoryDeps } from '../directory-deps.js';
import type { IntegrationOAuth } from '../model/integration.js';
import { jwksUrlProblem } from '../jwt-signers/check-jwt-signer.js';
import { integrationInOrganization } from './integration-in-organization.js';
import { InvalidDirectoryInput, type Problem } from '../directory-error.js';

export interface IntegrationOAuthFields {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
}

/**
 * Lets an integration's SCIM endpoint accept OAuth 2.0 access tokens that are JWTs (RFC 9068) from
 * this issuer, besides its static bearer token; null accepts the static token only again.
 */
export async function setIntegrationOAuth(
  deps: DirectoryDeps,
  organizationId: string,
  integrationId: string,
  fields: IntegrationOAuthFields | null,
): Promise<IntegrationOAuth | null> {
  const { store } = deps;
  await integrationInOrganization(store, organizationId, integrationId);
  let oauth: IntegrationOAuth | null = null;
  if (fields !== null) {
    const problems: Problem[] = [];
    const issuer = fields.issuer.trim();
    const audience = fields.audience.trim();
    const jwksUrl = fields.jwksUrl.trim();
    if (issuer === '') problems.push({ field: 'issuer', message: 'issuer must not be empty' });
    if (audience === '') problems.push({ field: 'audience', message: 'audience must not be empty' });
    const urlProblem = jwksUrlProblem(jwksUrl);
    if (urlProblem)
      problems.push({ field: 'jwksUrl', message: urlProblem.replace(/^the JWKS URL/, 'jwksUrl') });
    if (problems.length > 0) throw new InvalidDirectoryInput('invalid_oauth', problems);
    oauth = { issuer, audience, jwksUrl };
  }
  await store.integrations.saveOAuth({ organizationId, integrationId }, oauth);
  return oauth;
}

export async function integrationOAuth(
  deps: DirectoryDeps,
  organizationId: string,
  integrationId: string,
): Promise<IntegrationOAuth | null> {
  const { store } = deps;
  await integrationInOrganization(store, organizationId, integrationId);
  return (await store.integrations.oauth({ organizationId, integrationId })) ?? null;
}
