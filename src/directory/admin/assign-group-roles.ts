import { DirectoryError } from '../directory-error.js';
import type { DirectoryGroup, Role } from '../ports.js';
import type { AdminDeps } from './admin-deps.js';

/**
 * The roles a directory group carries become exactly `roles` (ids or names of this organization's
 * roles; an empty list clears them). Every identity in the group has these roles at once.
 */
export async function assignGroupRoles(
  deps: Pick<AdminDeps, 'store'>,
  organizationId: string,
  groupId: string,
  roles: readonly string[],
): Promise<{ group: DirectoryGroup; roles: readonly Role[] }> {
  return deps.store.transaction(async (store) => {
    const group = await store.directoryGroups.findById(organizationId, groupId);
    if (!group) throw new DirectoryError('group_not_found', `No directory group with id "${groupId}".`);
    const known = await store.roles.list(organizationId);
    const chosen: Role[] = [];
    const missing: string[] = [];
    for (const wanted of roles) {
      const role = known.find((r) => r.id === wanted) ?? known.find((r) => r.name === wanted);
      if (!role) missing.push(wanted);
      else if (!chosen.includes(role)) chosen.push(role);
    }
    if (missing.length > 0) {
      throw new DirectoryError(
        'role_not_found',
        `No role ${missing.map((m) => `"${m}"`).join(', ')} in this organization.`,
      );
    }
    await store.directoryGroups.setRoles(
      group.id,
      chosen.map((r) => r.id),
    );
    return { group, roles: chosen };
  });
}
