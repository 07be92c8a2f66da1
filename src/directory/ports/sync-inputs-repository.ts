import type { GroupMapping } from '../model/directory-group.js';
import type { Identity, IdentitySource } from '../model/identity.js';
import type { IntegrationScope } from '../model/scope.js';
import type { IndirectGroup } from './group-hierarchy-repository.js';

/** What the identities of some SCIM users of one integration are derived from, as stored now. */
export interface SyncInputRows {
  /**
   * Per user, the groups listing it (`direct`, ordered by id) and, with nesting on, the groups it is in
   * only through them (`inherited`: ancestors of its direct groups that do not list it themselves, each
   * once). A user in no group has no entry.
   */
  readonly groups: ReadonlyMap<
    string,
    { readonly direct: readonly IndirectGroup[]; readonly inherited: readonly IndirectGroup[] }
  >;
  /** Every source (from any integration, oldest first) of the identities these users feed. */
  readonly sources: readonly IdentitySource[];
  /** Those identities. */
  readonly identities: readonly Identity[];
  /** Per identity among them, the first-seen name of each SCIM group (scimGroupId → name). */
  readonly firstSeenNames: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** The group mappings that may apply to any of the groups above (by id or by folded display name). */
  readonly mappingCandidates: readonly GroupMapping[];
}

/**
 * The identity sync's read (issue 15): everything a batch of users' identities depend on in one
 * statement per batch, so a user PATCH or a member add pays one round trip for it, not four.
 */
export interface SyncInputsRepository {
  of(
    scope: IntegrationScope,
    userIds: readonly string[],
    options: { readonly nested: boolean },
  ): Promise<SyncInputRows>;
}
