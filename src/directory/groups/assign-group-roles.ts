import { DirectoryNotFound } from '../directory-error.js';
import type { DirectoryGroup } from '../model/directory-group.js';
import type { Role } from '../model/role.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { resolveManyByIdOrName } from '../names/resolve-by-id-or-name.js';
import { eventStampOf } from '../events/event-stamp.js';
import { groupEvent } from '../events/group-events.js';

/**
 * The roles a directory group carries become exactly `roles` (ids or names of this organization's
 * roles; an empty list clears them). Every identity in the group has these roles at once.
 */
export async function assignGroupRoles(
  deps: DirectoryDeps,
  organizationId: string,
  groupId: string,
  roles: readonly string[],
): Promise<{ group: DirectoryGroup; roles: readonly Role[] }> {
  return deps.store.transaction(async (store) => {
    const group = await store.directoryGroups.findById({ organizationId }, groupId);
    if (!group) throw new DirectoryNotFound('group_not_found', `No directory group with id "${groupId}".`);
    const chosen = await resolveManyByIdOrName(store, organizationId, 'role', roles);
    const before = [...(await store.directoryGroups.roleIdsOf({ organizationId }, group.id))].sort();
    const after = [...new Set(chosen.map((r) => r.id))].sort();
    await store.directoryGroups.setRoles({ organizationId }, group.id, after);
    if (JSON.stringify(before) !== JSON.stringify(after))
      store.events.append({ organizationId }, [
        groupEvent('group.updated', group, after, ['roleIds'], eventStampOf(deps)),
      ]);
    return { group, roles: chosen };
  });
}
