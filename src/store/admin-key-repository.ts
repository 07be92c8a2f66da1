import type { Kysely } from 'kysely';
import type { AdminKey } from '../directory/model/admin-key.js';
import type { AdminKeyRepository } from '../directory/ports/admin-key-repository.js';
import type { AdminApiKeysTable, Database } from './database-schema.js';

const toAdminKey = (row: AdminApiKeysTable): AdminKey => ({
  id: row.id,
  name: row.name,
  organizationId: row.organization_id,
  hint: row.hint,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

export function adminKeyRepository(db: Kysely<Database>): AdminKeyRepository {
  const findById = async (id: string) => {
    const row = await db.selectFrom('admin_api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toAdminKey(row) : undefined;
  };
  return {
    async insert(key, keyHash) {
      await db
        .insertInto('admin_api_keys')
        .values({
          id: key.id,
          name: key.name,
          organization_id: key.organizationId,
          key_hash: keyHash,
          hint: key.hint,
          created_at: key.createdAt,
          last_used_at: key.lastUsedAt,
          revoked_at: key.revokedAt,
        })
        .execute();
    },
    async findByHash(keyHash) {
      const row = await db
        .selectFrom('admin_api_keys')
        .selectAll()
        .where('key_hash', '=', keyHash)
        .executeTakeFirst();
      return row ? { key: toAdminKey(row), keyHash: row.key_hash } : undefined;
    },
    findById,
    async list(organizationId) {
      let query = db.selectFrom('admin_api_keys').selectAll().orderBy('created_at').orderBy('id');
      if (organizationId !== undefined) query = query.where('organization_id', '=', organizationId);
      return (await query.execute()).map(toAdminKey);
    },
    async revoke(id, now) {
      // The first revocation's time stands; revoking again changes nothing.
      await db
        .updateTable('admin_api_keys')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
      return findById(id);
    },
    async recordUse(id, now, notBefore) {
      await db
        .updateTable('admin_api_keys')
        .set({ last_used_at: now })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', notBefore)]))
        .execute();
    },
    async count() {
      const row = await db
        .selectFrom('admin_api_keys')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
