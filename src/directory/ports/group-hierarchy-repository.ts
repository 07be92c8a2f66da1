import type { IntegrationScope } from '../model/scope.js';

/** One (ancestor, descendant) pair of the group-in-group closure. */
export interface GroupPair {
  readonly ancestorId: string;
  readonly descendantId: string;
}

/** A group an identity is in through other groups (not listed by it directly). */
export interface IndirectGroup {
  readonly id: string;
  readonly displayName: string;
}

/**
 * The maintained closure of SCIM group-in-group membership (docs/groups.md). Every read and write is
 * scoped to one integration of one organization and goes through an index.
 */
export interface GroupHierarchyRepository {
  /** Each group's ancestors (the groups containing it through any chain), from the closure. */
  ancestorsOf(
    scope: IntegrationScope,
    groupIds: readonly string[],
  ): Promise<ReadonlyMap<string, readonly string[]>>;
  /** Each group's descendants (the groups it contains through any chain), from the closure. */
  descendantsOf(
    scope: IntegrationScope,
    groupIds: readonly string[],
  ): Promise<ReadonlyMap<string, readonly string[]>>;
  /** Each group's direct group members, from the membership rows (the closure's edges). */
  childGroupsOf(
    scope: IntegrationScope,
    groupIds: readonly string[],
  ): Promise<ReadonlyMap<string, readonly string[]>>;
  /** Each group's direct parents, from the membership rows (for explaining a chain). */
  parentGroupsOf(
    scope: IntegrationScope,
    groupIds: readonly string[],
  ): Promise<ReadonlyMap<string, readonly string[]>>;
  insertPairs(scope: IntegrationScope, pairs: readonly GroupPair[]): Promise<void>;
  deletePairs(scope: IntegrationScope, pairs: readonly GroupPair[]): Promise<void>;
  /** The users listed directly by any of these groups (without duplicates). */
  userMembersOf(scope: IntegrationScope, groupIds: readonly string[]): Promise<readonly string[]>;
}
