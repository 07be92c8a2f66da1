import type { OrganizationScope } from '../model/scope.js';
import type { DirectoryGroup } from '../model/directory-group.js';
import type { Role } from '../model/role.js';

export interface RoleRepository {
  insert(role: Role, now: string): Promise<boolean>;
  update(role: Role): Promise<boolean>;
  delete(scope: OrganizationScope, id: string): Promise<boolean>;
  list(scope: OrganizationScope): Promise<readonly Role[]>;
  findById(scope: OrganizationScope, id: string): Promise<Role | undefined>;
  /** The roles an identity has through its directory groups. */
  effectiveRolesOf(scope: OrganizationScope, identityId: string): Promise<readonly Role[]>;
  /**
   * An identity's directory groups (by name) and the roles they give it (by name), in one query: what
   * every successful sign-in answers.
   */
  groupsAndRolesOf(
    scope: OrganizationScope,
    identityId: string,
  ): Promise<{ readonly groups: readonly DirectoryGroup[]; readonly roles: readonly Role[] }>;
}
