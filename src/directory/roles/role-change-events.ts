import type { DirectoryDeps } from '../directory-deps.js';
import { eventStampOf } from '../events/event-stamp.js';
import { groupEvent } from '../events/group-events.js';
import type { NewDirectoryEvent } from '../model/directory-event.js';
import type { DirectoryGroup } from '../model/directory-group.js';
import type { DirectoryStore } from '../ports/directory-store.js';

/** The group.updated events of a role's change: one per group carrying it, with the group's roles now. */
export async function roleChangeEvents(
  deps: DirectoryDeps,
  store: DirectoryStore,
  organizationId: string,
  groups: readonly DirectoryGroup[],
  changed: readonly string[],
): Promise<NewDirectoryEvent[]> {
  const stamp = eventStampOf(deps);
  const events: NewDirectoryEvent[] = [];
  for (const group of groups) {
    const roleIds = await store.directoryGroups.roleIdsOf({ organizationId }, group.id);
    events.push(groupEvent('group.updated', group, roleIds, changed, stamp));
  }
  return events;
}
