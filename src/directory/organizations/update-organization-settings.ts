import type { DirectoryDeps } from '../directory-deps.js';
import { InvalidDirectoryInput } from '../directory-error.js';
import type { OrganizationScope } from '../model/scope.js';
import { changeOrganizationSettings, type OrganizationSettings } from '../model/organization-settings.js';

/**
 * Changes an organization's settings. How identities of several integrations meet applies to the next
 * collision: identities already linked stay linked, separate ones stay separate.
 */
export async function updateOrganizationSettings(
  deps: DirectoryDeps,
  scope: OrganizationScope,
  change: unknown,
): Promise<OrganizationSettings> {
  const { store } = deps;
  const result = changeOrganizationSettings(await store.organizations.settings(scope), change);
  if (!result.ok) throw new InvalidDirectoryInput('invalid_settings', result.problems);
  await store.organizations.saveSettings(scope, result.settings);
  return result.settings;
}
