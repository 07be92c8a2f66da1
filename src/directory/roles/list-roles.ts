import type { DirectoryDeps } from '../directory-deps.js';
import type { Role } from '../model/role.js';
import type { OrganizationScope } from '../model/scope.js';

/** The organization's roles, by name. */
export function listRoles(deps: DirectoryDeps, scope: OrganizationScope): Promise<readonly Role[]> {
  return deps.store.roles.list(scope);
}
