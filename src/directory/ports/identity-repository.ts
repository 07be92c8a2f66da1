import type { Identity, IdentityQuery, IdentitySource, RelinkKey } from '../model/identity.js';
import type { IntegrationScope, OrganizationScope } from '../model/scope.js';

export interface IdentityRepository {
  findById(scope: OrganizationScope, id: string): Promise<Identity | undefined>;
  findByIds(scope: OrganizationScope, ids: readonly string[]): Promise<readonly Identity[]>;
  /** The identity this SCIM user of the integration feeds (or fed, before it was deleted). */
  findBySource(scope: IntegrationScope, scimResourceId: string): Promise<Identity | undefined>;
  /** Identities whose sign-in external ID is exactly `value` (an index lookup), at most `limit`. */
  findBySignInExternalId(
    scope: OrganizationScope,
    value: string,
    limit: number,
  ): Promise<readonly Identity[]>;
  /**
   * Inserts the identity unless a live identity holds its name: then nothing is written and the answer
   * is false (no exception, so a PostgreSQL transaction stays usable). A constraint decides races.
   */
  insert(identity: Identity): Promise<boolean>;
  /**
   * Throws UniquenessError when another live identity holds the new name. `keepsName`: the caller
   * knows the identity keeps its name key and claims no name it did not hold (not a deleted identity
   * coming back), so no unique index can refuse the write and PostgreSQL need not wait for its answer.
   */
  update(identity: Identity, options?: { readonly keepsName?: boolean }): Promise<void>;
  delete(scope: OrganizationScope, id: string): Promise<boolean>;
  /** The live (not deleted) identity holding each of these names (case-folded keys), in one query. */
  nameHolders(scope: OrganizationScope, nameKeys: readonly string[]): Promise<ReadonlyMap<string, string>>;
  setGroups(scope: OrganizationScope, identityId: string, groupIds: readonly string[]): Promise<void>;
  groupIdsOf(scope: OrganizationScope, identityId: string): Promise<readonly string[]>;
  groupIdsOfMany(
    scope: OrganizationScope,
    identityIds: readonly string[],
  ): Promise<ReadonlyMap<string, readonly string[]>>;
  recordFirstSeenGroupNames(
    scope: OrganizationScope,
    names: readonly { identityId: string; scimGroupId: string; name: string }[],
  ): Promise<void>;
  list(scope: OrganizationScope, query: IdentityQuery): Promise<readonly Identity[]>;

  /**
   * Every source (from any integration, oldest first) of the identities that these SCIM users of the
   * integration feed, in one query: the users' own links and their identities' other links.
   */
  linkedSources(scope: IntegrationScope, scimIds: readonly string[]): Promise<readonly IdentitySource[]>;
  /** Every source of these identities, from any integration, oldest first. */
  sourcesOfIdentities(
    scope: OrganizationScope,
    identityIds: readonly string[],
  ): Promise<ReadonlyMap<string, readonly IdentitySource[]>>;
  /** The most recently deleted source of this integration whose user had this key: a re-link candidate. */
  findRelinkable(scope: IntegrationScope, key: RelinkKey): Promise<IdentitySource | undefined>;
  /** Inserts or replaces the source of (identity, integration). */
  saveSource(source: IdentitySource): Promise<void>;
  deleteSource(scope: IntegrationScope, identityId: string): Promise<void>;
  /** The integration's sources that are not deleted, in SCIM-resource-id order, for batch remapping. */
  listSources(
    scope: IntegrationScope,
    afterScimId: string | undefined,
    limit: number,
  ): Promise<readonly IdentitySource[]>;
  countSources(scope: IntegrationScope): Promise<number>;
  countInOrganization(scope: OrganizationScope): Promise<number>;
  /** Ids of the identities the integration feeds together with another integration. */
  sharedIdentityIds(scope: IntegrationScope): Promise<readonly string[]>;
  /** Ids of the identities only this integration feeds (what detachSoleSourced acts on). */
  soleSourcedIdentityIds(scope: IntegrationScope): Promise<readonly string[]>;
  /**
   * What happens to the identities only this integration feeds when it goes away: deleted, or kept
   * unmanaged (disabled, or as they are). Returns how many.
   */
  detachSoleSourced(
    scope: IntegrationScope,
    action: 'disable' | 'delete' | 'keep',
    now: string,
  ): Promise<number>;
}
