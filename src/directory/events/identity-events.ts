import type { EventType, NewDirectoryEvent } from '../model/directory-event.js';
import type { Identity, IdentityStatus } from '../model/identity.js';
import type { EventStamp } from './event-stamp.js';

/** One identity before and after a unit of work, with its directory groups on both sides. */
export interface IdentityChange {
  /** Undefined: the identity is new. */
  readonly previous: Identity | undefined;
  readonly next: Identity;
  readonly previousGroupIds: readonly string[];
  readonly groupIds: readonly string[];
  /** The fields that differ ('groups' among them when the groups do); every field for a new identity. */
  readonly changed: readonly string[];
}

/** The identity as an event carries it: every field, with its directory groups (sorted ids). */
export function identityState(identity: Identity, groupIds: readonly string[]): Record<string, unknown> {
  return {
    id: identity.id,
    name: identity.name,
    status: identity.status,
    signInExternalId: identity.signInExternalId,
    authPolicyId: identity.authPolicyId,
    attributes: identity.attributes,
    profile: identity.profile,
    sourceIntegrationId: identity.sourceIntegrationId,
    scimResourceId: identity.scimResourceId,
    createdAt: identity.createdAt,
    updatedAt: identity.updatedAt,
    groupIds: [...groupIds].sort(),
  };
}

/**
 * The events one identity change makes: at most one `identity.*` event (created; deleted, disabled or
 * enabled when the status moved; else updated), and one `group.member_added`/`member_removed` per
 * directory group joined or left. A change of groups alone is told by the member events only.
 */
export function identityEvents(change: IdentityChange, stamp: EventStamp): NewDirectoryEvent[] {
  const { previous, next } = change;
  const fields = change.changed.filter((field) => field !== 'groups');
  const events: NewDirectoryEvent[] = [];
  const type: EventType | undefined =
    previous === undefined
      ? 'identity.created'
      : fields.length > 0
        ? (statusEvent(previous.status, next.status) ?? 'identity.updated')
        : undefined;
  if (type) {
    events.push({
      id: stamp.newId(),
      type,
      occurredAt: stamp.now,
      cause: stamp.cause,
      resourceType: 'identity',
      resourceId: next.id,
      data: identityState(next, change.groupIds),
      changed: previous === undefined ? change.changed : fields,
    });
  }
  const before = new Set(change.previousGroupIds);
  const after = new Set(change.groupIds);
  for (const groupId of [...after].filter((id) => !before.has(id)).sort())
    events.push(memberEvent('group.member_added', groupId, next.id, stamp));
  for (const groupId of [...before].filter((id) => !after.has(id)).sort())
    events.push(memberEvent('group.member_removed', groupId, next.id, stamp));
  return events;
}

function statusEvent(from: IdentityStatus, to: IdentityStatus): EventType | undefined {
  if (from === to) return undefined;
  if (to === 'deleted') return 'identity.deleted';
  return to === 'disabled' ? 'identity.disabled' : 'identity.enabled';
}

export function memberEvent(
  type: 'group.member_added' | 'group.member_removed',
  groupId: string,
  identityId: string,
  stamp: EventStamp,
): NewDirectoryEvent {
  return {
    id: stamp.newId(),
    type,
    occurredAt: stamp.now,
    cause: stamp.cause,
    resourceType: 'group',
    resourceId: groupId,
    data: { groupId, identityId },
    changed: ['members'],
  };
}
