import { DirectoryConflict, InvalidDirectoryInput } from '../directory-error.js';
import type { Role } from '../model/role.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { checkRole, type RoleFields } from './check-role.js';

/** A new role; names are unique per organization (the unique constraint decides a race). */
export async function createRole(
  deps: DirectoryDeps,
  organizationId: string,
  fields: RoleFields,
): Promise<Role> {
  const checked = checkRole(fields);
  if (!checked.ok) throw new InvalidDirectoryInput('invalid_role', checked.error);
  const role: Role = { id: deps.ids.newId(), organizationId, ...checked.value };
  if (!(await deps.store.roles.insert(role, deps.clock.now().toISOString()))) {
    throw new DirectoryConflict('name_taken', `A role named "${role.name}" already exists.`);
  }
  return role;
}
