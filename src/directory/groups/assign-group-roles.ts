import { DirectoryNotFound } from '../directory-error.js';
import type { DirectoryGroup } from '../model/directory-group.js';
import type { Role } from '../model/role.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { resolveManyByIdOrName } from '../names/resolve-by-id-or-name.js';

/**
 * The roles a directory group carries become exactly `roles` (ids or names of this organization's
 * roles; an empty list clears them). Every identity in the group has these roles at once.
 */
export async function assignGroupRoles(
  deps: Pick<DirectoryDeps, 'store'>,
  organizationId: string,
  groupId: string,
  roles: readonly string[],
): Promise<{ group: DirectoryGroup; roles: readonly Role[] }> {
  return deps.store.transaction(async (store) => {
    const group = await store.directoryGroups.findById({ organizationId }, groupId);
    if (!group) throw new DirectoryNotFound('group_not_found', `No directory group with id "${groupId}".`);
    const chosen = await resolveManyByIdOrName(store, organizationId, 'role', roles);
    await store.directoryGroups.setRoles(
      { organizationId },
      group.id,
      chosen.map((r) => r.id),
    );
    return { group, roles: chosen };
  });
}
