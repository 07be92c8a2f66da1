import type { DirectoryDeps } from '../directory-deps.js';
import { DirectoryNotFound } from '../directory-error.js';
import type { Role } from '../model/role.js';

/** Deletes a role; the groups that carried it lose it (the grant rows cascade). */
export async function deleteRole(deps: DirectoryDeps, organizationId: string, roleId: string): Promise<Role> {
  const { store } = deps;
  const role = await store.roles.findById({ organizationId }, roleId);
  if (!role || !(await store.roles.delete({ organizationId }, roleId))) {
    throw new DirectoryNotFound('role_not_found', `No role with id "${roleId}".`);
  }
  return role;
}
