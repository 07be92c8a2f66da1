import type { DirectoryDeps } from '../directory-deps.js';
import type { DirectoryGroup } from '../model/directory-group.js';
import type { Role } from '../model/role.js';
import type { OrganizationScope } from '../model/scope.js';
import { showIdentity } from './show-identity.js';

/** An identity's directory groups, each with the roles it carries. */
export async function identityGroupsWithRoles(
  deps: DirectoryDeps,
  scope: OrganizationScope,
  identityId: string,
): Promise<readonly (DirectoryGroup & { readonly roles: readonly Role[] })[]> {
  const details = await showIdentity(deps, scope.organizationId, identityId);
  const roles = await deps.store.roles.list(scope);
  const groups = [];
  for (const group of details.groups) {
    const roleIds = new Set(await deps.store.directoryGroups.roleIdsOf(scope, group.id));
    groups.push({ ...group, roles: roles.filter((role) => roleIds.has(role.id)) });
  }
  return groups;
}
