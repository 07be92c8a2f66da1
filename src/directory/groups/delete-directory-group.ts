import type { DirectoryDeps } from '../directory-deps.js';
import { DirectoryNotFound } from '../directory-error.js';
import type { DirectoryGroup } from '../model/directory-group.js';

/**
 * Deletes a directory group; its mappings, role grants and memberships go with it (foreign keys cascade).
 * An IdP group that was mapped to it is treated as unmapped from the next sync on.
 */
export async function deleteDirectoryGroup(
  deps: DirectoryDeps,
  organizationId: string,
  groupId: string,
): Promise<DirectoryGroup> {
  const { store } = deps;
  const group = await store.directoryGroups.findById({ organizationId }, groupId);
  if (!group || !(await store.directoryGroups.delete({ organizationId }, groupId))) {
    throw new DirectoryNotFound('group_not_found', `No directory group with id "${groupId}".`);
  }
  return group;
}
