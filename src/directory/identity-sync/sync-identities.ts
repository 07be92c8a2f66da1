import { UniquenessError } from '../../core/errors.js';
import type { EventStamp } from '../events/event-stamp.js';
import type { EventCause } from '../model/directory-event.js';
import type { IntegrationSettings } from '../model/integration-settings.js';
import type { StoredResource } from '../model/scim-resource.js';
import type { IntegrationScope } from '../model/scope.js';
import type { Clock, IdSource } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { applySyncPlan } from './apply-sync-plan.js';
import { ensureUnmappedGroups } from './ensure-unmapped-groups.js';
import { loadSyncInputs, type UserToSync } from './load-sync-inputs.js';
import {
  effectiveMemberships,
  planUserSync,
  type SyncPlanContext,
  type UserSyncPlan,
} from './plan-user-sync.js';

/** What keeping identities in step with SCIM writes needs; a SCIM request's context satisfies it. */
export interface IdentitySyncContext {
  readonly store: DirectoryStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly scope: IntegrationScope;
  readonly integrationSettings: IntegrationSettings;
  /** Stamped on the events the sync appends: the SCIM request (or job) that caused it. */
  readonly cause: EventCause;
}

/** The stamp of the events written by this sync. */
export function syncEventStamp(context: IdentitySyncContext, now: string): EventStamp {
  return { cause: context.cause, now, newId: () => context.ids.newId() };
}

/**
 * Brings the identities of these SCIM users up to date with the users, their IdP groups and the
 * integration's settings, inside the SCIM write's transaction: read in a batch, planned by the one
 * planner the remap also uses, written where something changed. A name another identity holds fails the
 * whole write with 409 (or, where the organization links identities, joins that identity).
 */
export async function syncIdentities(
  context: IdentitySyncContext,
  users: readonly UserToSync[],
): Promise<readonly UserSyncPlan[]> {
  if (users.length === 0) return [];
  const { store, scope, integrationSettings: settings } = context;
  const now = context.clock.now().toISOString();
  const loaded = await loadSyncInputs(store, scope, settings, users);
  const memberships = loaded.inputs.flatMap((input) => effectiveMemberships(input, settings));
  const stamp = syncEventStamp(context, now);
  const created = await ensureUnmappedGroups(store, scope, settings, stamp, loaded.mappings, memberships);
  const planContext: SyncPlanContext = {
    scope,
    settings,
    mappings: [...loaded.mappings, ...created],
    now,
    newIdentityId: () => context.ids.newId(),
  };
  const plans: UserSyncPlan[] = [];
  for (const input of loaded.inputs) {
    const plan = planUserSync(input, planContext);
    const outcome = await applySyncPlan(store, scope, plan, stamp);
    plans.push(
      outcome.kind === 'applied'
        ? plan
        : await resolveCollision(context, plan, outcome.holderId, planContext),
    );
  }
  return plans;
}

/**
 * The user's SCIM groups as the sync read them (RFC 7643 §4.1.2 `groups`), so the response that follows
 * a write shows them without reading the membership again.
 */
export function groupsReadBySync(plan: UserSyncPlan): readonly { id: string; displayName: string }[] {
  return plan.input.memberships.map((m) => ({ id: m.scimGroupId, displayName: m.displayName }));
}

/** Re-derives the identities of these SCIM users (members whose groups changed), in one batch. */
export async function syncUsersById(context: IdentitySyncContext, userIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  const users = await context.store.scimResources.findByIds(context.scope, 'User', ids);
  await syncIdentities(
    context,
    users.map((user: StoredResource) => ({ user })),
  );
}

/**
 * A new identity's name is held by a live identity. Where the organization links identities across
 * integrations and the holder has no link to this integration yet, the user joins it; otherwise 409.
 */
async function resolveCollision(
  context: IdentitySyncContext,
  plan: UserSyncPlan,
  holderId: string | undefined,
  planContext: SyncPlanContext,
): Promise<UserSyncPlan> {
  const { store, scope } = context;
  const holderSources = holderId
    ? ((await store.identities.sourcesOfIdentities(scope, [holderId])).get(holderId) ?? [])
    : [];
  const policy = (await store.organizations.settings(scope)).identityCollisions;
  const holder = holderId ? await store.identities.findById(scope, holderId) : undefined;
  if (
    holder &&
    plan.isNewIdentity &&
    policy === 'link' &&
    !holderSources.some((s) => s.integrationId === scope.integrationId)
  ) {
    const joined = planUserSync(
      {
        ...plan.input,
        source: undefined,
        identity: holder,
        otherSources: holderSources,
        ...(holderSources.length === 0
          ? { currentGroupIds: await store.identities.groupIdsOf(scope, holder.id) }
          : {}),
      },
      planContext,
    );
    const outcome = await applySyncPlan(store, scope, joined, syncEventStamp(context, planContext.now));
    if (outcome.kind === 'applied') return joined;
  }
  throw await nameCollision(
    context,
    plan,
    holderSources.map((s) => s.integrationId),
  );
}

async function nameCollision(
  context: IdentitySyncContext,
  plan: UserSyncPlan,
  holderIntegrationIds: readonly string[],
): Promise<UniquenessError> {
  const { derived } = plan;
  const field = derived.nameFallback ? `${derived.nameSource} (fallback)` : derived.nameSource;
  const names: string[] = [];
  for (const id of new Set(holderIntegrationIds)) {
    const integration = await context.store.integrations.findById(context.scope, id);
    if (integration)
      names.push(
        id === context.scope.integrationId ? 'this integration' : `integration "${integration.name}"`,
      );
  }
  const holder = names.length > 0 ? ` (fed by ${names.join(' and ')})` : ' (one no integration manages)';
  return new UniquenessError(
    `The identity name ${JSON.stringify(derived.name)}, taken from the user's ${field}, is already used by another identity${holder} in this organization.`,
  );
}
