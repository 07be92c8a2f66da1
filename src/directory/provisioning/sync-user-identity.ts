import { UniquenessError } from '../../core/errors.js';
import { deriveIdentity, type DerivedIdentity } from '../identities/derive-identity.js';
import type { IntegrationSettings } from '../identities/integration-settings.js';
import type {
  Clock,
  DirectoryStore,
  IdSource,
  Identity,
  IntegrationScope,
  StoredResource,
} from '../ports.js';

export interface ProvisioningContext {
  readonly store: DirectoryStore;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly scope: IntegrationScope;
  readonly integrationSettings: IntegrationSettings;
}

/**
 * Brings the identity of one SCIM user up to date with the user, its IdP groups and the integration's
 * settings. Runs inside the SCIM write's transaction: if the identity cannot be written (its name is
 * taken), the SCIM write fails with it and nothing is half-written.
 */
export async function syncUserIdentity(
  context: ProvisioningContext,
  user: StoredResource,
): Promise<Identity> {
  const { store, scope, integrationSettings: settings } = context;
  const groups = (await store.scimResources.groupsOf(scope, user.id)).map((g) => ({
    scimGroupId: g.id,
    displayName: g.displayName,
  }));
  const existing = await store.identities.findBySource(scope.organizationId, scope.integrationId, user.id);
  let firstSeen: ReadonlyMap<string, string> = new Map();
  if (settings.attributeSources.groups && settings.groupNameAttributes === 'firstSeen' && existing) {
    firstSeen = await store.identities.firstSeenGroupNames(existing.id);
  }
  const derived = deriveIdentity(settings, user.attributes, groups, firstSeen);
  const now = context.clock.now().toISOString();
  const identity: Identity = {
    id: existing?.id ?? context.ids.newId(),
    organizationId: scope.organizationId,
    name: derived.name,
    status: derived.status,
    signInExternalId: derived.signInExternalId,
    authPolicyId: settings.authPolicyId,
    attributes: derived.attributes,
    profile: derived.profile,
    sourceIntegrationId: scope.integrationId,
    scimResourceId: user.id,
    createdAt: existing?.createdAt ?? now,
    updatedAt: existing && sameIdentity(existing, derived, settings) ? existing.updatedAt : now,
    lastSyncedAt: now,
  };
  try {
    if (existing) await store.identities.update(identity);
    else await store.identities.insert(identity);
  } catch (error) {
    if (error instanceof UniquenessError) throw nameCollision(derived, settings);
    throw error;
  }
  // Remember the group names as first seen, so "firstSeen" mode (now or after a remap) keeps them.
  await store.identities.recordFirstSeenGroupNames(
    identity.id,
    groups.map((g) => ({ scimGroupId: g.scimGroupId, name: g.displayName })),
  );
  await store.identities.setGroups(identity.id, await directoryGroupsFor(context, groups));
  return identity;
}

/** The directory groups an identity belongs to through its IdP groups (mapped, or created by name). */
async function directoryGroupsFor(
  context: ProvisioningContext,
  groups: readonly { scimGroupId: string; displayName: string }[],
): Promise<string[]> {
  const { store, scope } = context;
  const ids: string[] = [];
  const now = context.clock.now().toISOString();
  for (const group of groups) {
    const mapping = await store.directoryGroups.mappingFor(
      scope.integrationId,
      group.scimGroupId,
      group.displayName,
    );
    const ignoreUnmapped = context.integrationSettings.unmappedGroups === 'ignore';
    // Automatic mappings stand for "unmapped, created by name": under "ignore" they do not count.
    if (mapping && !(mapping.automatic && ignoreUnmapped)) {
      ids.push(mapping.directoryGroupId);
      continue;
    }
    if (ignoreUnmapped) continue;
    const created = await store.directoryGroups.ensure(
      scope.organizationId,
      group.displayName,
      context.ids.newId(),
      now,
    );
    await store.directoryGroups.addMapping(
      {
        id: context.ids.newId(),
        integrationId: scope.integrationId,
        matchBy: 'id',
        idpGroup: group.scimGroupId,
        directoryGroupId: created.id,
        automatic: true,
      },
      now,
    );
    ids.push(created.id);
  }
  return ids;
}

export function nameCollision(derived: DerivedIdentity, settings: IntegrationSettings): UniquenessError {
  const field = derived.nameFallback ? 'userName (fallback)' : settings.identityName;
  return new UniquenessError(
    `The identity name ${JSON.stringify(derived.name)}, taken from the user's ${field}, is already used by another identity in this organization.`,
  );
}

function sameIdentity(existing: Identity, derived: DerivedIdentity, settings: IntegrationSettings): boolean {
  return (
    existing.name === derived.name &&
    existing.status === derived.status &&
    existing.signInExternalId === derived.signInExternalId &&
    existing.authPolicyId === settings.authPolicyId &&
    JSON.stringify(existing.attributes) === JSON.stringify(derived.attributes) &&
    JSON.stringify(existing.profile) === JSON.stringify(derived.profile)
  );
}

/** SCIM DELETE of a user under the integration's policy: keep the identity as deleted, or remove it. */
export async function retireUserIdentity(
  context: ProvisioningContext,
  scimUserId: string,
  policy: IntegrationSettings['onDelete'],
): Promise<void> {
  const { store, scope } = context;
  const existing = await store.identities.findBySource(scope.organizationId, scope.integrationId, scimUserId);
  if (!existing) return;
  if (policy === 'delete') {
    await store.identities.delete(scope.organizationId, existing.id);
    return;
  }
  const now = context.clock.now().toISOString();
  await store.identities.update({ ...existing, status: 'deleted', updatedAt: now, lastSyncedAt: now });
}

/** Re-derives the identities of these SCIM users (members whose groups changed). */
export async function syncUsers(context: ProvisioningContext, userIds: Iterable<string>): Promise<void> {
  for (const id of new Set(userIds)) {
    const user = await context.store.scimResources.findById(context.scope, 'User', id);
    if (user) await syncUserIdentity(context, user);
  }
}
