import type { DirectoryGroup, GroupMapping } from '../model/directory-group.js';
import type { IntegrationScope } from '../model/scope.js';

export interface DirectoryGroupRepository {
  /** The group of that name (case-insensitive), created if missing. */
  ensure(organizationId: string, name: string, newId: string, now: string): Promise<DirectoryGroup>;
  findById(organizationId: string, id: string): Promise<DirectoryGroup | undefined>;
  /** The group of that name, in any case. */
  findByName(organizationId: string, name: string): Promise<DirectoryGroup | undefined>;
  list(organizationId: string): Promise<readonly DirectoryGroup[]>;
  delete(organizationId: string, id: string): Promise<boolean>;
  /**
   * Every mapping that could apply to these IdP groups (by SCIM id, or by displayName compared
   * case-insensitively); which one wins is decided by mappingPrecedence, never by the query.
   */
  mappingCandidates(
    scope: IntegrationScope,
    groups: readonly { readonly scimGroupId: string; readonly displayName: string }[],
  ): Promise<readonly GroupMapping[]>;
  mappings(integrationId: string): Promise<readonly GroupMapping[]>;
  /** False when a mapping for that IdP group exists already. */
  addMapping(mapping: GroupMapping, now: string): Promise<boolean>;
  removeMapping(integrationId: string, mappingId: string): Promise<boolean>;
  setRoles(groupId: string, roleIds: readonly string[]): Promise<void>;
  roleIdsOf(groupId: string): Promise<readonly string[]>;
}
