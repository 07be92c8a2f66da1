import type { DirectoryDeps } from '../directory-deps.js';
import { deriveIdentity, type AttributeOrigin } from '../identities/derive-identity.js';
import { getIdentity } from '../identities/get-identity.js';
import { loadSyncInputs } from '../identity-sync/load-sync-inputs.js';
import { mappingFor } from '../identity-sync/mapping-precedence.js';
import { effectiveMemberships } from '../identity-sync/plan-user-sync.js';
import type { OrganizationScope } from '../model/scope.js';
import { groupChains } from './group-chains.js';

/** One SCIM group an identity is in, directly or through a chain of group members. */
export interface EffectiveGroup {
  readonly integrationId: string;
  readonly scimGroupId: string;
  readonly displayName: string;
  /** The chain from this group down to the group listing the user; `[this group]` when it lists it. */
  readonly chain: readonly { readonly scimGroupId: string; readonly displayName: string }[];
  /** False when the integration's `groupNesting` is `direct`: an inherited group then grants nothing. */
  readonly counts: boolean;
  /** The directory group it maps to, and the mapping (issue 18: "where it came from"). */
  readonly directoryGroupId: string | undefined;
  readonly mappingId: string | undefined;
}

export interface IdentityExplanation {
  readonly identityId: string;
  readonly effectiveGroups: readonly EffectiveGroup[];
  /** Every attribute with each reason it has it (a group's name, a SCIM role or entitlement). */
  readonly attributes: readonly {
    readonly attribute: string;
    readonly origins: readonly (AttributeOrigin & { readonly integrationId: string })[];
  }[];
}

/**
 * Why an identity has its groups and attributes: re-derived from each integration's live SCIM user with
 * the one derivation the sync uses (pure, so the answer is what the last sync stored), plus the chains
 * that put it in each inherited group.
 */
export async function explainIdentity(
  deps: DirectoryDeps,
  scope: OrganizationScope,
  identityId: string,
): Promise<IdentityExplanation> {
  const identity = await getIdentity(deps, scope, identityId);
  const { store } = deps;
  const sources = (await store.identities.sourcesOfIdentities(scope, [identity.id])).get(identity.id) ?? [];
  const effectiveGroups: EffectiveGroup[] = [];
  const origins = new Map<string, (AttributeOrigin & { integrationId: string })[]>();
  for (const source of sources) {
    const integrationScope = { ...scope, integrationId: source.integrationId };
    const settings = await store.integrations.settings(integrationScope);
    const [user] = await store.scimResources.findByIds(integrationScope, 'User', [source.scimResourceId]);
    if (!settings || !user) continue;
    // Inherited groups are read whatever the setting, so `direct` can show what `nested` would add.
    const nested = { ...settings, groupNesting: 'nested' as const };
    const { inputs, mappings } = await loadSyncInputs(store, integrationScope, nested, [{ user }]);
    const input = inputs[0];
    if (!input) continue;
    const counted = effectiveMemberships(input, settings);
    const all = effectiveMemberships(input, nested);
    const names = new Map(all.map((m) => [m.scimGroupId, m.displayName]));
    const chains = await groupChains(
      store,
      integrationScope,
      input.memberships.map((m) => m.scimGroupId),
      all.map((m) => m.scimGroupId),
    );
    for (const membership of all) {
      const mapping = mappingFor(mappings, membership, settings.unmappedGroups === 'ignore');
      effectiveGroups.push({
        integrationId: source.integrationId,
        scimGroupId: membership.scimGroupId,
        displayName: membership.displayName,
        chain: (chains.get(membership.scimGroupId) ?? [membership.scimGroupId]).map((id) => ({
          scimGroupId: id,
          displayName: names.get(id) ?? '',
        })),
        counts: counted.includes(membership),
        directoryGroupId: mapping?.directoryGroupId,
        mappingId: mapping?.id,
      });
    }
    const derived = deriveIdentity(settings, user.attributes, counted, input.firstSeenNames);
    for (const origin of derived.attributeOrigins) {
      const list = origins.get(origin.attribute) ?? [];
      list.push({ ...origin, integrationId: source.integrationId });
      origins.set(origin.attribute, list);
    }
  }
  return {
    identityId: identity.id,
    effectiveGroups: effectiveGroups.sort(
      (a, b) => a.chain.length - b.chain.length || a.displayName.localeCompare(b.displayName),
    ),
    attributes: identity.attributes.map((attribute) => ({
      attribute,
      origins: origins.get(attribute) ?? [],
    })),
  };
}
