import { DirectoryNotFound } from '../directory-error.js';
import type { Integration } from '../model/integration.js';
import type { Clock } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { integrationInOrganization } from './integration-in-organization.js';

/**
 * Pauses or resumes an integration of this organization. While paused every SCIM request of the
 * integration is refused with 503 and Retry-After before anything runs (src/http/scim/scim-plugin.ts),
 * so the IdP retries and nothing is lost; requests already past authentication finish whole.
 * Pausing a paused integration keeps the time it was first paused.
 */
export async function setIntegrationPaused(
  deps: { store: DirectoryStore; clock: Clock },
  organizationId: string,
  integrationId: string,
  paused: boolean,
): Promise<Integration> {
  const integration = await integrationInOrganization(deps.store, organizationId, integrationId);
  const pausedAt = paused ? (integration.pausedAt ?? deps.clock.now().toISOString()) : null;
  const scope = { organizationId, integrationId: integration.id };
  if (!(await deps.store.integrations.setPaused(scope, pausedAt))) {
    throw new DirectoryNotFound('integration_not_found', `No integration with id "${integrationId}".`);
  }
  return { ...integration, pausedAt };
}
