import type { Kysely } from 'kysely';
import type { InstallationSecretRepository } from '../directory/ports/installation-secret-repository.js';
import type { Database } from './database-schema.js';

export function installationSecretRepository(db: Kysely<Database>): InstallationSecretRepository {
  return {
    async getOrCreate(name, generate, now) {
      // Insert-or-nothing, then read: instances starting together agree on one value.
      await db
        .insertInto('installation_secrets')
        .values({ name, value: generate(), created_at: now })
        .onConflict((c) => c.column('name').doNothing())
        .execute();
      const row = await db
        .selectFrom('installation_secrets')
        .select('value')
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      return row.value;
    },
    async replace(name, expected, value) {
      const result = await db
        .updateTable('installation_secrets')
        .set({ value })
        .where('name', '=', name)
        .where('value', '=', expected)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async list() {
      return db.selectFrom('installation_secrets').select(['name', 'value']).orderBy('name').execute();
    },
  };
}
