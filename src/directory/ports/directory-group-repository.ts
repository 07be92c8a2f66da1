import type { IntegrationScope, OrganizationScope } from '../model/scope.js';
import type { DirectoryGroup, GroupMapping } from '../model/directory-group.js';

export interface DirectoryGroupRepository {
  /** The group of that name (case-insensitive), created if missing. */
  ensure(scope: OrganizationScope, name: string, newId: string, now: string): Promise<DirectoryGroup>;
  findById(scope: OrganizationScope, id: string): Promise<DirectoryGroup | undefined>;
  /** The group of that name, in any case. */
  findByName(scope: OrganizationScope, name: string): Promise<DirectoryGroup | undefined>;
  list(scope: OrganizationScope): Promise<readonly DirectoryGroup[]>;
  /** A new name for the group (the caller checked that no other group holds it, in any case). */
  rename(scope: OrganizationScope, id: string, name: string): Promise<boolean>;
  delete(scope: OrganizationScope, id: string): Promise<boolean>;
  /**
   * Every mapping that could apply to these IdP groups (by SCIM id, or by displayName compared
   * case-insensitively); which one wins is decided by mappingPrecedence, never by the query.
   */
  mappingCandidates(
    scope: IntegrationScope,
    groups: readonly { readonly scimGroupId: string; readonly displayName: string }[],
  ): Promise<readonly GroupMapping[]>;
  mappings(scope: IntegrationScope): Promise<readonly GroupMapping[]>;
  /** False when a mapping for that IdP group exists already. */
  addMapping(scope: IntegrationScope, mapping: GroupMapping, now: string): Promise<boolean>;
  removeMapping(scope: IntegrationScope, mappingId: string): Promise<boolean>;
  setRoles(scope: OrganizationScope, groupId: string, roleIds: readonly string[]): Promise<void>;
  roleIdsOf(scope: OrganizationScope, groupId: string): Promise<readonly string[]>;
  /** The groups that carry the role (a role's change is theirs: group.updated each). */
  groupsWithRole(scope: OrganizationScope, roleId: string): Promise<readonly DirectoryGroup[]>;
  /** The identities in the group (by id), for the member_removed events of its deletion. */
  memberIdsOf(scope: OrganizationScope, groupId: string): Promise<readonly string[]>;
}
