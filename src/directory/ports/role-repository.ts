import type { DirectoryGroup } from '../model/directory-group.js';
import type { Role } from '../model/role.js';

export interface RoleRepository {
  insert(role: Role, now: string): Promise<boolean>;
  update(role: Role): Promise<boolean>;
  delete(organizationId: string, id: string): Promise<boolean>;
  list(organizationId: string): Promise<readonly Role[]>;
  findById(organizationId: string, id: string): Promise<Role | undefined>;
  /** The roles an identity has through its directory groups. */
  effectiveRolesOf(identityId: string): Promise<readonly Role[]>;
  /**
   * An identity's directory groups (by name) and the roles they give it (by name), in one query: what
   * every successful sign-in answers.
   */
  groupsAndRolesOf(
    organizationId: string,
    identityId: string,
  ): Promise<{ readonly groups: readonly DirectoryGroup[]; readonly roles: readonly Role[] }>;
}
