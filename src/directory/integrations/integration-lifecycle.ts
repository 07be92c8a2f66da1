import { integrationInOrganization } from './integration-in-organization.js';
import { DirectoryNotFound } from '../directory-error.js';
import { createIntegration, type IssuedIntegration } from './create-integration.js';
import { deleteIntegration, type IdentitiesOnDelete } from './delete-integration.js';
import { rotateIntegrationToken } from './rotate-integration-token.js';
import type { IdpPreset } from '../model/integration.js';
import type { DirectoryDeps } from '../directory-deps.js';

type Deps = DirectoryDeps;

/** Creates an integration in the organization with this id; the token is in the result, once. */
export async function createIntegrationInOrganization(
  deps: Deps,
  organizationId: string,
  input: { name: string; idp: IdpPreset; tokenLifetimeDays: number },
): Promise<IssuedIntegration> {
  const organization = await deps.store.organizations.findById(organizationId);
  if (!organization) {
    throw new DirectoryNotFound('organization_not_found', `No organization with id "${organizationId}".`);
  }
  return createIntegration(deps, { ...input, organizationName: organization.name });
}

/** A new token for an integration of this organization; the old one stops working at once. */
export async function rotateTokenInOrganization(
  deps: Deps,
  organizationId: string,
  integrationId: string,
  tokenLifetimeDays: number,
): Promise<{ token: string; expiresAt: string }> {
  await integrationInOrganization(deps.store, organizationId, integrationId);
  return rotateIntegrationToken(deps, { organizationId, integrationId }, tokenLifetimeDays);
}

/** Deletes an integration of this organization, doing `identities` to the identities it manages. */
export async function deleteIntegrationInOrganization(
  deps: Deps,
  organizationId: string,
  integrationId: string,
  identities: IdentitiesOnDelete,
): Promise<{ identities: number }> {
  await integrationInOrganization(deps.store, organizationId, integrationId);
  return deleteIntegration(deps, { organizationId, integrationId }, identities);
}
