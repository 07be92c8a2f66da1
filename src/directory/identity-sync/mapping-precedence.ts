import type { IdpGroupMembership } from '../identities/derive-identity.js';
import type { GroupMapping } from '../model/directory-group.js';

/**
 * Which mapping applies to an IdP group, among the candidates that name it: an explicit mapping wins
 * over an automatic one (made when an unmapped group was first seen), and among equals a match by the
 * group's SCIM id wins over a match by its displayName (compared case-insensitively). Under
 * `unmappedGroups: ignore` automatic mappings do not count: they stand for "unmapped, created by name".
 * The one statement of this rule: the store only finds candidates.
 */
export function mappingFor(
  candidates: readonly GroupMapping[],
  group: IdpGroupMembership,
  ignoreAutomatic: boolean,
): GroupMapping | undefined {
  const name = group.displayName.toLowerCase();
  let best: GroupMapping | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  for (const mapping of candidates) {
    if (ignoreAutomatic && mapping.automatic) continue;
    const matches =
      (mapping.matchBy === 'id' && mapping.idpGroup === group.scimGroupId) ||
      (mapping.matchBy === 'displayName' && mapping.idpGroup === name);
    if (!matches) continue;
    const rank = (mapping.automatic ? 2 : 0) + (mapping.matchBy === 'id' ? 0 : 1);
    if (rank < bestRank) {
      best = mapping;
      bestRank = rank;
    }
  }
  return best;
}

export interface ResolvedGroups {
  /** Directory groups through the mappings, sorted, once each. */
  readonly groupIds: readonly string[];
  /** IdP groups no mapping covers (only under `unmappedGroups: create`: they need a directory group). */
  readonly unmapped: readonly IdpGroupMembership[];
}

/** The directory groups of a user's IdP groups under the integration's mappings and unmapped-group policy. */
export function resolveDirectoryGroups(
  candidates: readonly GroupMapping[],
  groups: readonly IdpGroupMembership[],
  unmappedGroups: 'create' | 'ignore',
): ResolvedGroups {
  const ids = new Set<string>();
  const unmapped: IdpGroupMembership[] = [];
  const ignore = unmappedGroups === 'ignore';
  for (const group of groups) {
    const mapping = mappingFor(candidates, group, ignore);
    if (mapping) ids.add(mapping.directoryGroupId);
    else if (!ignore && group.displayName !== '') unmapped.push(group);
  }
  return { groupIds: [...ids].sort(), unmapped };
}
