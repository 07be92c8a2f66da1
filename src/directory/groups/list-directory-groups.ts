import type { DirectoryDeps } from '../directory-deps.js';
import type { DirectoryGroup } from '../model/directory-group.js';
import type { Role } from '../model/role.js';

export interface DirectoryGroupView extends DirectoryGroup {
  readonly roles: readonly Role[];
}

/** The organization's directory groups, each with the roles it carries. */
export async function listDirectoryGroups(
  deps: DirectoryDeps,
  organizationId: string,
): Promise<readonly DirectoryGroupView[]> {
  const { store } = deps;
  const roles = new Map((await store.roles.list({ organizationId })).map((r) => [r.id, r]));
  const groups = await store.directoryGroups.list({ organizationId });
  const views: DirectoryGroupView[] = [];
  for (const group of groups) {
    const roleIds = await store.directoryGroups.roleIdsOf({ organizationId }, group.id);
    views.push({
      ...group,
      roles: roleIds.map((id) => roles.get(id)).filter((r): r is Role => r !== undefined),
    });
  }
  return views;
}
