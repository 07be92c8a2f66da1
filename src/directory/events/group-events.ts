import type { NewDirectoryEvent } from '../model/directory-event.js';
import type { DirectoryGroup } from '../model/directory-group.js';
import type { EventStamp } from './event-stamp.js';

/** A directory group as an event carries it: with its roles, never its members (member events say those). */
export function groupState(group: DirectoryGroup, roleIds: readonly string[]): Record<string, unknown> {
  return { id: group.id, name: group.name, createdAt: group.createdAt, roleIds: [...roleIds].sort() };
}

export function groupEvent(
  type: 'group.created' | 'group.updated' | 'group.deleted',
  group: DirectoryGroup,
  roleIds: readonly string[],
  changed: readonly string[],
  stamp: EventStamp,
): NewDirectoryEvent {
  return {
    id: stamp.newId(),
    type,
    occurredAt: stamp.now,
    cause: stamp.cause,
    resourceType: 'group',
    resourceId: group.id,
    data: groupState(group, roleIds),
    changed,
  };
}
