import { identityEvents } from '../events/identity-events.js';
import type { EventStamp } from '../events/event-stamp.js';
import type { Identity } from '../model/identity.js';
import type { IntegrationScope } from '../model/scope.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { mergeIdentity } from './merge-identity.js';
import { saveRemergedIdentity } from './save-remerged-identity.js';
import { changedFields } from './plan-user-sync.js';

const BATCH = 500;

/**
 * Before an integration goes: identities it shares with other integrations lose its link and become
 * what the others contribute; identities only it feeds are deleted, or kept unmanaged (disabled, or as
 * they are). Each identity that changes gets its event. Returns how many identities it fed.
 */
export async function detachIntegrationIdentities(
  store: DirectoryStore,
  scope: IntegrationScope,
  action: 'disable' | 'delete' | 'keep',
  stamp: EventStamp,
): Promise<number> {
  const { now } = stamp;
  const shared = await store.identities.sharedIdentityIds(scope);
  for (let i = 0; i < shared.length; i += BATCH) {
    const batch = shared.slice(i, i + BATCH);
    const sources = await store.identities.sourcesOfIdentities(scope, batch);
    for (const identity of await store.identities.findByIds(scope, batch)) {
      const all = sources.get(identity.id) ?? [];
      const remaining = all.filter((s) => s.integrationId !== scope.integrationId);
      const before = mergeIdentity(identity, all, identity, now);
      const after = mergeIdentity(identity, remaining, identity, now);
      await store.identities.deleteSource(scope, identity.id);
      await saveRemergedIdentity(store, scope, identity, before, after, stamp);
    }
  }
  // The sole-sourced ones change in one statement; their states before and after are read for the events.
  const sole = await store.identities.soleSourcedIdentityIds(scope);
  const before = new Map<string, { identity: Identity; groups: readonly string[] }>();
  for (let i = 0; i < sole.length; i += BATCH) {
    const batch = sole.slice(i, i + BATCH);
    const groups = await store.identities.groupIdsOfMany(scope, batch);
    for (const identity of await store.identities.findByIds(scope, batch))
      before.set(identity.id, { identity, groups: groups.get(identity.id) ?? [] });
  }
  const detached = await store.identities.detachSoleSourced(scope, action, now);
  for (let i = 0; i < sole.length; i += BATCH) {
    const batch = sole.slice(i, i + BATCH);
    const after = new Map((await store.identities.findByIds(scope, batch)).map((a) => [a.id, a]));
    for (const id of batch) {
      const previous = before.get(id);
      if (!previous) continue;
      const next = after.get(id) ?? { ...previous.identity, status: 'deleted' as const, updatedAt: now };
      const groups = after.has(id) ? previous.groups : [];
      const changed: string[] = changedFields(previous.identity, next, previous.groups, groups);
      if (next.sourceIntegrationId !== previous.identity.sourceIntegrationId) changed.push('source');
      store.events.append(
        scope,
        identityEvents(
          { previous: previous.identity, next, previousGroupIds: previous.groups, groupIds: groups, changed },
          stamp,
        ),
      );
    }
  }
  return shared.length + detached;
}
