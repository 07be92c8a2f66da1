import type { DirectoryDeps } from '../directory-deps.js';
import type { Organization } from '../model/organization.js';
import type { OrganizationScope } from '../model/scope.js';

/** Every organization of the installation, by name. */
export function listOrganizations(deps: DirectoryDeps): Promise<readonly Organization[]> {
  return deps.store.organizations.list();
}

/** What an organization holds, counted (for `roster org show`). */
export async function organizationSummary(
  deps: DirectoryDeps,
  scope: OrganizationScope,
): Promise<{ readonly integrations: number; readonly identities: number }> {
  return {
    integrations: (await deps.store.integrations.list(scope)).length,
    identities: await deps.store.identities.countInOrganization(scope),
  };
}
