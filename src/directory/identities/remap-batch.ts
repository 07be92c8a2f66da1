import { deriveIdentity, type DerivedIdentity } from './derive-identity.js';
import type { IntegrationSettings } from './integration-settings.js';
import type {
  DirectoryStore,
  GroupMapping,
  IdSource,
  Identity,
  IntegrationScope,
  SortKey,
} from '../ports.js';

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

export type ChangedField =
  'name' | 'signInExternalId' | 'attributes' | 'authPolicy' | 'status' | 'profile' | 'groups';

export interface PlannedIdentity {
  readonly current: Identity;
  readonly next: Identity;
  readonly derived: DerivedIdentity;
  readonly groupIds: readonly string[];
  readonly change: IdentityChange | undefined;
}

/**
 * Re-derives a batch of an integration's identities under `settings`, reading everything the batch
 * needs in a handful of queries (never a query per identity). Writes nothing: the caller applies or
 * previews the plan.
 */
export async function planRemapBatch(
  store: DirectoryStore,
  scope: IntegrationScope,
  settings: IntegrationSettings,
  identities: readonly Identity[],
  now: string,
  /** The mappings to plan with instead of the stored ones (a preview of a mapping change). */
  mappingsOverride?: readonly GroupMapping[],
): Promise<PlannedIdentity[]> {
  const scimIds = identities.map((i) => i.scimResourceId).filter((id): id is string => id !== null);
  const users = new Map((await store.scimResources.findByIds(scope, 'User', scimIds)).map((u) => [u.id, u]));
  const groups = await store.scimResources.groupsOfMany(scope, scimIds);
  const identityIds = identities.map((i) => i.id);
  const firstSeen =
    settings.attributeSources.groups && settings.groupNameAttributes === 'firstSeen'
      ? await store.identities.firstSeenGroupNamesMany(identityIds)
      : new Map<string, ReadonlyMap<string, string>>();
  const currentGroups = await store.identities.groupIdsOfMany(identityIds);
  const mappings = mappingsOverride ?? (await store.directoryGroups.mappings(scope.integrationId));

  const planned: PlannedIdentity[] = [];
  for (const current of identities) {
    // Identities whose SCIM user was deleted keep their history untouched.
    const user = current.scimResourceId === null ? undefined : users.get(current.scimResourceId);
    if (!user) continue;
    const memberships = (groups.get(user.id) ?? []).map((g) => ({
      scimGroupId: g.id,
      displayName: g.displayName,
    }));
    const derived = deriveIdentity(
      settings,
      user.attributes,
      memberships,
      firstSeen.get(current.id) ?? new Map(),
    );
    const groupIds = mappedGroupIds(mappings, memberships, settings.unmappedGroups === 'ignore');
    const next: Identity = {
      ...current,
      name: derived.name,
      status: derived.status,
      signInExternalId: derived.signInExternalId,
      authPolicyId: settings.authPolicyId,
      attributes: derived.attributes,
      profile: derived.profile,
      updatedAt: now,
    };
    const fields = changedFields(current, next, currentGroups.get(current.id) ?? [], groupIds);
    planned.push({
      current,
      next,
      derived,
      groupIds,
      change:
        fields.length === 0
          ? undefined
          : {
              identityId: current.id,
              scimResourceId: user.id,
              fields,
              before: {
                name: current.name,
                signInExternalId: current.signInExternalId,
                attributes: current.attributes,
              },
              after: {
                name: next.name,
                signInExternalId: next.signInExternalId,
                attributes: next.attributes,
              },
            },
    });
  }
  return planned;
}

/** Directory groups through existing mappings (by SCIM id, else displayName); unmapped groups are left out. */
function mappedGroupIds(
  mappings: readonly GroupMapping[],
  memberships: readonly { scimGroupId: string; displayName: string }[],
  ignoreAutomatic: boolean,
): string[] {
  const ids = new Set<string>();
  // Automatic mappings stand for "unmapped, created by name": under "ignore" they do not count.
  const usable = ignoreAutomatic ? mappings.filter((m) => !m.automatic) : mappings;
  for (const membership of memberships) {
    // The same precedence as DirectoryGroupRepository.mappingFor: explicit before automatic, id before name.
    const matches = (m: GroupMapping) =>
      (m.matchBy === 'id' && m.idpGroup === membership.scimGroupId) ||
      (m.matchBy === 'displayName' && m.idpGroup === membership.displayName.toLowerCase());
    const rank = (m: GroupMapping) => (m.automatic ? 2 : 0) + (m.matchBy === 'id' ? 0 : 1);
    const mapping = usable.filter(matches).sort((a, b) => rank(a) - rank(b))[0];
    if (mapping) ids.add(mapping.directoryGroupId);
  }
  return [...ids].sort();
}

function changedFields(
  current: Identity,
  next: Identity,
  currentGroups: readonly string[],
  nextGroups: readonly string[],
): ChangedField[] {
  const fields: ChangedField[] = [];
  if (current.name !== next.name) fields.push('name');
  if (current.signInExternalId !== next.signInExternalId) fields.push('signInExternalId');
  if (JSON.stringify(current.attributes) !== JSON.stringify(next.attributes)) fields.push('attributes');
  if (current.authPolicyId !== next.authPolicyId) fields.push('authPolicy');
  if (current.status !== next.status) fields.push('status');
  if (JSON.stringify(current.profile) !== JSON.stringify(next.profile)) fields.push('profile');
  if (JSON.stringify([...currentGroups].sort()) !== JSON.stringify(nextGroups)) fields.push('groups');
  return fields;
}

/** Creates directory groups (and automatic mappings) for unmapped IdP groups, when settings ask for it. */
export async function ensureGroupsForUnmapped(
  store: DirectoryStore,
  scope: IntegrationScope,
  settings: IntegrationSettings,
  ids: IdSource,
  now: string,
): Promise<void> {
  if (settings.unmappedGroups !== 'create') return;
  const mappings = await store.directoryGroups.mappings(scope.integrationId);
  const mapped = new Set(mappings.filter((m) => m.matchBy === 'id').map((m) => m.idpGroup));
  const byName = new Set(mappings.filter((m) => m.matchBy === 'displayName').map((m) => m.idpGroup));
  let after: SortKey | undefined;
  for (;;) {
    const page = await store.scimResources.list(scope, 'Group', {
      filter: undefined,
      baseUrl: '',
      sort: undefined,
      page: { kind: 'keyset', after, backward: false, limit: 500 },
      withTotal: false,
    });
    for (const group of page.resources) {
      const name = typeof group.attributes.displayName === 'string' ? group.attributes.displayName : '';
      if (mapped.has(group.id) || byName.has(name.toLowerCase()) || name === '') continue;
      const created = await store.directoryGroups.ensure(scope.organizationId, name, ids.newId(), now);
      await store.directoryGroups.addMapping(
        {
          id: ids.newId(),
          integrationId: scope.integrationId,
          matchBy: 'id',
          idpGroup: group.id,
          directoryGroupId: created.id,
          automatic: true,
        },
        now,
      );
    }
    if (!page.hasMore) return;
    after = page.keys.at(-1);
  }
}
