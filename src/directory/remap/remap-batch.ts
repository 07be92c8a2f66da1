import type { EventStamp } from '../events/event-stamp.js';
import { applySyncPlan } from '../identity-sync/apply-sync-plan.js';
import { loadSyncInputs } from '../identity-sync/load-sync-inputs.js';
import { planUserSync, type ChangedField, type UserSyncPlan } from '../identity-sync/plan-user-sync.js';
import type { GroupMapping } from '../model/directory-group.js';
import type { IdentitySource } from '../model/identity.js';
import type { SortKey } from '../model/scim-resource.js';
import type { IntegrationScope } from '../model/scope.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import type { IntegrationSettings } from '../model/integration-settings.js';
import { ensureUnmappedGroups } from '../identity-sync/ensure-unmapped-groups.js';

export type { ChangedField } from '../identity-sync/plan-user-sync.js';

/** What changed for one identity, for previews. */
export interface IdentityChange {
  readonly identityId: string;
  readonly scimResourceId: string;
  readonly fields: readonly ChangedField[];
  readonly before: {
    readonly name: string;
    readonly signInExternalId: string | null;
    readonly attributes: readonly string[];
  };
  readonly after: {
    readonly name: string;
    readonly signInExternalId: string | null;
    readonly attributes: readonly string[];
  };
}

/**
 * Re-derives a batch of an integration's links under `settings` with the same planner as live SCIM
 * writes, reading everything the batch needs in a handful of queries. Writes nothing: the caller
 * applies or previews the plans. Links whose SCIM user is gone are not in the batch.
 */
export async function planRemapBatch(
  store: DirectoryStore,
  scope: IntegrationScope,
  settings: IntegrationSettings,
  sources: readonly IdentitySource[],
  now: string,
  /** The mappings to plan with instead of the stored ones (a preview of a mapping change). */
  mappingsOverride?: readonly GroupMapping[],
): Promise<UserSyncPlan[]> {
  const users = await store.scimResources.findByIds(
    scope,
    'User',
    sources.map((s) => s.scimResourceId),
  );
  const loaded = await loadSyncInputs(
    store,
    scope,
    settings,
    users.map((user) => ({ user })),
  );
  const context = {
    scope,
    settings,
    mappings: mappingsOverride ?? loaded.mappings,
    now,
    newIdentityId: () => {
      throw new Error('a remapped link always has its identity');
    },
  };
  return loaded.inputs
    .filter((input) => input.identity !== undefined)
    .map((input) => planUserSync(input, context));
}

/** The change a plan makes, as previews show it; undefined when nothing changes. */
export function changeOf(plan: UserSyncPlan): IdentityChange | undefined {
  const current = plan.input.identity;
  if (!current || plan.changed.length === 0) return undefined;
  return {
    identityId: current.id,
    scimResourceId: plan.input.user.id,
    fields: plan.changed,
    before: {
      name: current.name,
      signInExternalId: current.signInExternalId,
      attributes: current.attributes,
    },
    after: {
      name: plan.identity.name,
      signInExternalId: plan.identity.signInExternalId,
      attributes: plan.identity.attributes,
    },
  };
}

/** Writes one planned batch: identities whose new name is free; the rest count as collisions. */
export async function applyRemapBatch(
  store: DirectoryStore,
  scope: IntegrationScope,
  plans: readonly UserSyncPlan[],
  stamp: EventStamp,
): Promise<{ changed: number; collisions: number }> {
  let changed = 0;
  let collisions = 0;
  for (const plan of plans) {
    if (plan.changed.length === 0 && !plan.sourceChanged) continue;
    const outcome = await applySyncPlan(store, scope, plan, stamp);
    if (outcome.kind === 'nameTaken') collisions++;
    else if (plan.changed.length > 0) changed++;
  }
  return { changed, collisions };
}

/**
 * Creates directory groups (and automatic mappings) for every IdP group of the integration that no
 * mapping covers, when settings ask for it: a remap also covers groups no synced user is in yet.
 */
export async function ensureGroupsForUnmapped(
  store: DirectoryStore,
  scope: IntegrationScope,
  settings: IntegrationSettings,
  stamp: EventStamp,
): Promise<void> {
  if (settings.unmappedGroups !== 'create') return;
  let after: SortKey | undefined;
  for (;;) {
    const page = await store.scimResources.list(scope, 'Group', {
      filter: undefined,
      baseUrl: '',
      sort: undefined,
      page: { kind: 'keyset', after, backward: false, limit: 500 },
      withTotal: false,
    });
    const groups = page.resources.map((group) => ({
      scimGroupId: group.id,
      displayName: typeof group.attributes.displayName === 'string' ? group.attributes.displayName : '',
    }));
    const candidates = await store.directoryGroups.mappingCandidates(scope, groups);
    await ensureUnmappedGroups(store, scope, settings, stamp, candidates, groups);
    if (!page.hasMore) return;
    after = page.keys.at(-1);
  }
}
