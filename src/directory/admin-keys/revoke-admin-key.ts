import { DirectoryNotFound } from '../directory-error.js';
import type { AdminKey } from '../model/admin-key.js';
import type { Clock } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';

/** Revokes a key: the next request that presents it gets 401, on every instance (the row is read per request). */
export async function revokeAdminKey(
  deps: { store: DirectoryStore; clock: Clock },
  keyId: string,
): Promise<AdminKey> {
  const revoked = await deps.store.adminKeys.revoke(keyId, deps.clock.now().toISOString());
  if (!revoked) throw new DirectoryNotFound('admin_key_not_found', `No admin key with id "${keyId}".`);
  return revoked;
}
