import type { DirectoryDeps } from '../directory-deps.js';
import type { AdminKey } from '../model/admin-key.js';

/** Admin keys of one organization, or (undefined) every key of the installation; oldest first. */
export function listAdminKeys(
  deps: DirectoryDeps,
  organizationId: string | undefined,
): Promise<readonly AdminKey[]> {
  return deps.store.adminKeys.list(organizationId);
}
