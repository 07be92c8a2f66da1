import { identityEvents } from '../events/identity-events.js';
import type { EventStamp } from '../events/event-stamp.js';
import type { Identity } from '../model/identity.js';
import type { OrganizationScope } from '../model/scope.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import type { MergedIdentity } from './merge-identity.js';
import { changedFields } from './plan-user-sync.js';

/**
 * Writes an identity re-merged after one of its sources left (a SCIM DELETE, an integration going):
 * its new state, its directory groups when they changed, and its `identity.*` event.
 */
export async function saveRemergedIdentity(
  store: DirectoryStore,
  scope: OrganizationScope,
  identity: Identity,
  before: MergedIdentity,
  after: MergedIdentity,
  stamp: EventStamp,
): Promise<void> {
  await store.identities.update(after.identity);
  if (JSON.stringify(before.groupIds) !== JSON.stringify(after.groupIds))
    await store.identities.setGroups(scope, identity.id, after.groupIds);
  store.events.append(
    scope,
    identityEvents(
      {
        previous: identity,
        next: after.identity,
        previousGroupIds: before.groupIds,
        groupIds: after.groupIds,
        changed: changedFields(identity, after.identity, before.groupIds, after.groupIds),
      },
      stamp,
    ),
  );
}
