import { DirectoryConflict, DirectoryNotFound, InvalidDirectoryInput } from '../directory-error.js';
import type { DirectoryGroup } from '../model/directory-group.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { checkName } from '../names/check-name.js';
import { eventStampOf } from '../events/event-stamp.js';
import { groupEvent } from '../events/group-events.js';

/**
 * A directory group's new name (unique per organization in any case, like a new group's). Its id, so
 * its mappings, members and roles, stay; one `group.updated` event tells it (none when nothing changed).
 */
export async function renameDirectoryGroup(
  deps: DirectoryDeps,
  organizationId: string,
  groupId: string,
  name: string,
): Promise<DirectoryGroup> {
  const checked = checkName('A directory group', name);
  if (!checked.ok)
    throw new InvalidDirectoryInput('invalid_name', [{ field: 'name', message: checked.error }]);
  const stamp = eventStampOf(deps);
  return deps.store.transaction(async (store) => {
    const scope = { organizationId };
    const group = await store.directoryGroups.findById(scope, groupId);
    if (!group) throw new DirectoryNotFound('group_not_found', `No directory group with id "${groupId}".`);
    if (group.name === checked.value) return group;
    const holder = await store.directoryGroups.findByName(scope, checked.value);
    if (holder && holder.id !== group.id) {
      throw new DirectoryConflict(
        'name_taken',
        `A directory group named "${holder.name}" already exists (${holder.id}).`,
      );
    }
    const renamed = { ...group, name: checked.value };
    await store.directoryGroups.rename(scope, group.id, renamed.name);
    const roleIds = await store.directoryGroups.roleIdsOf(scope, group.id);
    store.events.append(scope, [groupEvent('group.updated', renamed, roleIds, ['name'], stamp)]);
    return renamed;
  });
}
