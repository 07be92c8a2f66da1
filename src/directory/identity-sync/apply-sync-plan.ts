import { identityEvents } from '../events/identity-events.js';
import type { EventStamp } from '../events/event-stamp.js';
import type { Identity } from '../model/identity.js';
import type { IntegrationScope } from '../model/scope.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import type { UserSyncPlan } from './plan-user-sync.js';

export type ApplyOutcome =
  | { readonly kind: 'applied' }
  /** Another live identity holds the name the plan gives: nothing was written. */
  | { readonly kind: 'nameTaken'; readonly holderId: string | undefined };

/**
 * Writes one plan, only what changed: the identity (inserted, or updated when its fields or its source
 * changed), the source, the directory groups, the first-seen group names. A plan that would take a name
 * another live identity holds writes nothing and says so (the live write answers 409, the remap counts a
 * collision); a unique index decides races. What it writes is told by events appended to the same
 * transaction (identity.* and group.member_*), so every writer of identities tells it the same way.
 */
export async function applySyncPlan(
  store: DirectoryStore,
  scope: IntegrationScope,
  plan: UserSyncPlan,
  stamp: EventStamp,
): Promise<ApplyOutcome> {
  const { identity } = plan;
  const key = identity.name.toLowerCase();
  if (plan.isNewIdentity) {
    if (!(await store.identities.insert(identity))) {
      return { kind: 'nameTaken', holderId: (await store.identities.nameHolders(scope, [key])).get(key) };
    }
  } else {
    const previous = plan.input.identity as Identity;
    const claims = claimsName(previous, identity);
    if (claims) {
      const holder = (await store.identities.nameHolders(scope, [key])).get(key);
      if (holder !== undefined && holder !== identity.id) return { kind: 'nameTaken', holderId: holder };
    }
    const fieldsChanged = plan.changed.some((field) => field !== 'groups');
    if (fieldsChanged || plan.sourceChanged) {
      // Most syncs keep the name: then the write can travel with the next one (issue 15).
      const keepsName = !claims && previous.name.toLowerCase() === key;
      await store.identities.update(identity, { keepsName });
    }
  }
  if (plan.sourceChanged) await store.identities.saveSource(plan.source);
  if (plan.isNewIdentity ? plan.groupIds.length > 0 : plan.changed.includes('groups'))
    await store.identities.setGroups(scope, identity.id, plan.groupIds);
  if (plan.newFirstSeenNames.length > 0) {
    await store.identities.recordFirstSeenGroupNames(
      scope,
      plan.newFirstSeenNames.map((n) => ({ identityId: identity.id, ...n })),
    );
  }
  store.events.append(
    scope,
    identityEvents(
      {
        previous: plan.input.identity,
        next: identity,
        previousGroupIds: plan.previousGroupIds,
        groupIds: plan.groupIds,
        changed: plan.changed,
      },
      stamp,
    ),
  );
  return { kind: 'applied' };
}

/** Whether the identity takes a name it did not hold: a new name, or its own again after being deleted. */
function claimsName(previous: Identity, next: Identity): boolean {
  if (next.status === 'deleted') return false;
  return previous.name.toLowerCase() !== next.name.toLowerCase() || previous.status === 'deleted';
}
