import type { Kysely } from 'kysely';
import type { InstallationSettingRepository } from '../directory/ports/installation-setting-repository.js';
import type { Database } from './database-schema.js';

export function installationSettingRepository(db: Kysely<Database>): InstallationSettingRepository {
  return {
    async find(name) {
      const row = await db
        .selectFrom('installation_settings')
        .select(['value', 'updated_at'])
        .where('name', '=', name)
        .executeTakeFirst();
      return row ? { value: row.value, updatedAt: row.updated_at } : undefined;
    },
    async save(name, value, now) {
      await db
        .insertInto('installation_settings')
        .values({ name, value, updated_at: now })
        .onConflict((c) => c.column('name').doUpdateSet({ value, updated_at: now }))
        .execute();
    },
  };
}
