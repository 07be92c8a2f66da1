import type { DirectoryDeps } from '../directory-deps.js';
import type { OrganizationSettings } from '../model/organization-settings.js';
import type { OrganizationScope } from '../model/scope.js';

/** The organization's settings, every default filled in. */
export function showOrganizationSettings(
  deps: DirectoryDeps,
  scope: OrganizationScope,
): Promise<OrganizationSettings> {
  return deps.store.organizations.settings(scope);
}
