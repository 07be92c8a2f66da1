import type { IdpGroupMembership } from '../identities/derive-identity.js';
import type { IntegrationSettings } from '../model/integration-settings.js';
import type { GroupMapping } from '../model/directory-group.js';
import type { Identity, IdentitySource, RelinkKey } from '../model/identity.js';
import type { StoredResource } from '../model/scim-resource.js';
import type { IntegrationScope } from '../model/scope.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import type { UserSyncInput } from './plan-user-sync.js';

export interface UserToSync {
  readonly user: StoredResource;
  /**
   * A SCIM user this request created: provably without groups or an identity, so nothing is read for
   * it, and it may continue a deleted identity (re-link).
   */
  readonly isNew?: boolean;
}

export interface LoadedSyncInputs {
  readonly inputs: readonly UserSyncInput[];
  /** Mapping candidates for every membership of the batch. */
  readonly mappings: readonly GroupMapping[];
}

/**
 * Reads everything a batch of SCIM users' identities depend on — memberships, the identities with all
 * their sources, first-seen group names, mapping candidates — in one statement per batch of existing
 * users (store.syncInputs), never a query per user; plus one re-link lookup per new user.
 */
export async function loadSyncInputs(
  store: DirectoryStore,
  scope: IntegrationScope,
  settings: IntegrationSettings,
  users: readonly UserToSync[],
): Promise<LoadedSyncInputs> {
  const existingIds = users.filter((u) => !u.isNew).map((u) => u.user.id);
  // One statement per batch: memberships (with the inherited ones when groups nest, docs/groups.md),
  // the identities with all their sources, their first-seen group names and the mapping candidates.
  const read =
    existingIds.length > 0
      ? await store.syncInputs.of(scope, existingIds, { nested: settings.groupNesting === 'nested' })
      : undefined;
  const byLink = new Map((read?.sources ?? []).map((s) => [`${s.identityId}/${s.integrationId}`, s]));

  // A new user may continue a deleted identity of this integration (settings.relink).
  const relinked = new Map<string, IdentitySource>();
  for (const { user, isNew } of users) {
    const key = isNew ? relinkKey(settings, user) : undefined;
    const candidate = key && (await store.identities.findRelinkable(scope, key));
    if (!candidate || [...relinked.values()].some((s) => s.identityId === candidate.identityId)) continue;
    relinked.set(user.id, candidate);
  }
  if (relinked.size > 0) {
    const others = await store.identities.sourcesOfIdentities(
      scope,
      [...relinked.values()].map((s) => s.identityId),
    );
    for (const source of [...others.values()].flat())
      byLink.set(`${source.identityId}/${source.integrationId}`, source);
  }
  const sources = [...byLink.values()];

  const identities = new Map<string, Identity>((read?.identities ?? []).map((i) => [i.id, i]));
  // Identities reached only through a re-link are read now.
  const unread = [...new Set(sources.map((s) => s.identityId))].filter((id) => !identities.has(id));
  if (unread.length > 0) {
    for (const identity of await store.identities.findByIds(scope, unread))
      identities.set(identity.id, identity);
  }
  const memberships = new Map<string, IdpGroupMembership[]>(
    [...(read?.groups ?? [])].map(([id, found]) => [
      id,
      found.direct.map((g) => ({ scimGroupId: g.id, displayName: g.displayName })),
    ]),
  );
  const inheritedOf = (userId: string): IdpGroupMembership[] =>
    (read?.groups.get(userId)?.inherited ?? []).map((g) => ({
      scimGroupId: g.id,
      displayName: g.displayName,
      inherited: true,
    }));
  const withGroups = users.filter((u) => (memberships.get(u.user.id) ?? []).length > 0);
  const ownSources = new Map(
    sources.filter((s) => s.integrationId === scope.integrationId).map((s) => [s.scimResourceId, s]),
  );
  const identityOf = (userId: string) => (relinked.get(userId) ?? ownSources.get(userId))?.identityId;
  const firstSeenIds = [
    ...new Set(withGroups.map((u) => identityOf(u.user.id)).filter((id) => id !== undefined)),
  ];
  // Names are read for every linked identity; only those of users in groups are the sync's input.
  const firstSeen = new Map(
    firstSeenIds.flatMap((id) => {
      const names = read?.firstSeenNames.get(id);
      return names ? [[id, names] as const] : [];
    }),
  );
  const mappings = read?.mappingCandidates ?? [];

  const inputs = users.map(({ user }): UserSyncInput => {
    const source = relinked.get(user.id) ?? ownSources.get(user.id);
    const identity = source ? identities.get(source.identityId) : undefined;
    return {
      user,
      memberships: memberships.get(user.id) ?? [],
      inheritedMemberships: inheritedOf(user.id),
      firstSeenNames: (identity && firstSeen.get(identity.id)) ?? new Map(),
      source: identity ? source : undefined,
      identity,
      otherSources: identity
        ? sources.filter((s) => s.identityId === identity.id && s.integrationId !== scope.integrationId)
        : [],
    };
  });
  return { inputs, mappings };
}

function relinkKey(settings: IntegrationSettings, user: StoredResource): RelinkKey | undefined {
  const value = (name: string) => {
    const raw = user.attributes[name];
    return typeof raw === 'string' && raw !== '' ? raw : undefined;
  };
  if (settings.relink === 'externalId') {
    const externalId = value('externalId');
    return externalId === undefined ? undefined : { externalId };
  }
  if (settings.relink === 'userName') {
    const userName = value('userName');
    return userName === undefined ? undefined : { userNameKey: userName.toLowerCase() };
  }
  return undefined;
}
