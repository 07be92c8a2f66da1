import type { DirectoryDeps } from '../directory-deps.js';
import { DirectoryNotFound } from '../directory-error.js';
import type { DirectoryGroup } from '../model/directory-group.js';
import { eventStampOf } from '../events/event-stamp.js';
import { groupEvent } from '../events/group-events.js';
import { memberEvent } from '../events/identity-events.js';

/**
 * Deletes a directory group; its mappings, role grants and memberships go with it (foreign keys cascade).
 * An IdP group that was mapped to it is treated as unmapped from the next sync on. Its events: one
 * group.member_removed per member (so a reader that follows memberships needs nothing else), then
 * group.deleted (docs/events.md).
 */
export async function deleteDirectoryGroup(
  deps: DirectoryDeps,
  organizationId: string,
  groupId: string,
): Promise<DirectoryGroup> {
  const scope = { organizationId };
  return deps.store.transaction(async (store) => {
    const group = await store.directoryGroups.findById(scope, groupId);
    const roleIds = group ? await store.directoryGroups.roleIdsOf(scope, groupId) : [];
    const memberIds = group ? await store.directoryGroups.memberIdsOf(scope, groupId) : [];
    if (!group || !(await store.directoryGroups.delete(scope, groupId))) {
      throw new DirectoryNotFound('group_not_found', `No directory group with id "${groupId}".`);
    }
    const stamp = eventStampOf(deps);
    store.events.append(scope, [
      ...memberIds.map((identityId) => memberEvent('group.member_removed', groupId, identityId, stamp)),
      groupEvent('group.deleted', group, roleIds, [], stamp),
    ]);
    return group;
  });
}
