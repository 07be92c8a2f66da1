import type { DirectoryDeps } from '../directory-deps.js';
import { DirectoryNotFound } from '../directory-error.js';
import type { Role } from '../model/role.js';
import { roleChangeEvents } from './role-change-events.js';

/**
 * Deletes a role; the groups that carried it lose it (the grant rows cascade), and each of them gets a
 * group.updated with its remaining roles (`changed: ["roleIds"]`), in the same transaction.
 */
export async function deleteRole(deps: DirectoryDeps, organizationId: string, roleId: string): Promise<Role> {
  const scope = { organizationId };
  return deps.store.transaction(async (store) => {
    const role = await store.roles.findById(scope, roleId);
    const groups = role ? await store.directoryGroups.groupsWithRole(scope, roleId) : [];
    if (!role || !(await store.roles.delete(scope, roleId))) {
      throw new DirectoryNotFound('role_not_found', `No role with id "${roleId}".`);
    }
    store.events.append(scope, await roleChangeEvents(deps, store, organizationId, groups, ['roleIds']));
    return role;
  });
}
