import type { DirectoryDeps } from '../directory-deps.js';
import type { Integration } from '../model/integration.js';
import type { OrganizationScope } from '../model/scope.js';

/** The organization's integrations, oldest first; every organization's for installation-wide callers. */
export function listIntegrations(
  deps: DirectoryDeps,
  scope: OrganizationScope | 'installation',
): Promise<readonly Integration[]> {
  return deps.store.integrations.list(scope === 'installation' ? undefined : scope);
}

/** How many integrations the installation has (the first start suggests creating one). */
export function countIntegrations(deps: DirectoryDeps): Promise<number> {
  return deps.store.integrations.count();
}

/** An integration of any organization, by id: for callers with installation-wide authority (the CLI). */
export function findIntegrationInInstallation(
  deps: DirectoryDeps,
  integrationId: string,
): Promise<Integration | undefined> {
  return deps.store.integrations.findInInstallation(integrationId);
}
