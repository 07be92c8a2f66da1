import { DirectoryConflict, DirectoryNotFound, InvalidDirectoryInput } from '../directory-error.js';
import type { Role } from '../model/role.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { checkRole } from './check-role.js';
import { roleChangeEvents } from './role-change-events.js';

export interface RoleChange {
  readonly name?: string | undefined;
  readonly permissions?: readonly string[] | undefined;
}

/**
 * Renames a role and/or replaces its permissions; identities holding it see the change at once. Each
 * directory group that carries it gets a group.updated (`changed: ["roles"]`).
 */
export async function updateRole(
  deps: DirectoryDeps,
  organizationId: string,
  roleId: string,
  change: RoleChange,
): Promise<Role> {
  if (change.name === undefined && change.permissions === undefined) {
    throw new InvalidDirectoryInput('invalid_role', [
      'Name at least one of the name and the permissions to change.',
    ]);
  }
  return deps.store.transaction(async (store) => {
    const current = await store.roles.findById({ organizationId }, roleId);
    if (!current) throw new DirectoryNotFound('role_not_found', `No role with id "${roleId}".`);
    const checked = checkRole({
      name: change.name ?? current.name,
      permissions: change.permissions ?? current.permissions,
    });
    if (!checked.ok) throw new InvalidDirectoryInput('invalid_role', checked.error);
    const next: Role = { ...current, ...checked.value };
    // The repository's update has no conflict clause: a taken name is looked for first.
    const holder = (await store.roles.list({ organizationId })).find((r) => r.name === next.name);
    if (holder && holder.id !== roleId) {
      throw new DirectoryConflict('name_taken', `A role named "${next.name}" already exists.`);
    }
    if (!(await store.roles.update(next))) {
      throw new DirectoryNotFound('role_not_found', `No role with id "${roleId}".`);
    }
    const changedSomething =
      next.name !== current.name || JSON.stringify(next.permissions) !== JSON.stringify(current.permissions);
    if (changedSomething) {
      const groups = await store.directoryGroups.groupsWithRole({ organizationId }, roleId);
      store.events.append(
        { organizationId },
        await roleChangeEvents(deps, store, organizationId, groups, ['roles']),
      );
    }
    return next;
  });
}
