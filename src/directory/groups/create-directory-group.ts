import { DirectoryConflict, InvalidDirectoryInput } from '../directory-error.js';
import type { DirectoryGroup } from '../model/directory-group.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { checkName } from '../names/check-name.js';
import { eventStampOf } from '../events/event-stamp.js';
import { groupEvent } from '../events/group-events.js';

/** A new directory group; names are unique per organization, case-insensitively. */
export async function createDirectoryGroup(
  deps: DirectoryDeps,
  organizationId: string,
  name: string,
): Promise<DirectoryGroup> {
  const checked = checkName('A directory group', name);
  if (!checked.ok)
    throw new InvalidDirectoryInput('invalid_name', [{ field: 'name', message: checked.error }]);
  const newId = deps.ids.newId();
  const stamp = eventStampOf(deps);
  const group = await deps.store.transaction(async (store) => {
    const ensured = await store.directoryGroups.ensure({ organizationId }, checked.value, newId, stamp.now);
    if (ensured.id === newId)
      store.events.append({ organizationId }, [
        groupEvent('group.created', ensured, [], ['name', 'roleIds'], stamp),
      ]);
    return ensured;
  });
  if (group.id !== newId) {
    throw new DirectoryConflict(
      'name_taken',
      `A directory group named "${group.name}" already exists (${group.id}).`,
    );
  }
  return group;
}
