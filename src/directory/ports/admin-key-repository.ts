import type { AdminKey } from '../model/admin-key.js';

export interface AdminKeyRepository {
  /** Stores the key with the SHA-256 hash of its secret (never the secret). */
  insert(key: AdminKey, keyHash: string): Promise<void>;
  findByHash(keyHash: string): Promise<{ key: AdminKey; keyHash: string } | undefined>;
  findById(id: string): Promise<AdminKey | undefined>;
  /** Keys of one organization, or (undefined) every key; oldest first. */
  list(organizationId: string | undefined): Promise<readonly AdminKey[]>;
  /** Marks the key revoked (it stops working at once); undefined when there is no such key. */
  revoke(id: string, now: string): Promise<AdminKey | undefined>;
  /** Records a use, unless one was recorded after `notBefore` (so busy keys do not write on every call). */
  recordUse(id: string, now: string, notBefore: string): Promise<void>;
  count(): Promise<number>;
}
