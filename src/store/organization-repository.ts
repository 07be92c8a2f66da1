import type { Kysely } from 'kysely';
import type { Organization } from '../directory/model/organization.js';
import type { OrganizationRepository } from '../directory/ports/organization-repository.js';
import type { Database } from './database-schema.js';
import type { StoreDialect } from './dialect.js';
import { storedOrganizationSettings } from '../directory/model/organization-settings.js';

export function organizationRepository(db: Kysely<Database>, dialect: StoreDialect): OrganizationRepository {
  const toOrganization = (row: Database['organizations']): Organization => ({
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
  });
  return {
    async findByName(name) {
      const row = await db
        .selectFrom('organizations')
        .selectAll()
        .where('name', '=', name)
        .executeTakeFirst();
      return row ? toOrganization(row) : undefined;
    },
    async findById(id) {
      const row = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toOrganization(row) : undefined;
    },
    async list() {
      const rows = await db.selectFrom('organizations').selectAll().orderBy('name').execute();
      return rows.map(toOrganization);
    },
    async ensure(organization) {
      // Insert-or-nothing, then read: two instances starting together agree on one organization.
      await db
        .insertInto('organizations')
        .values({
          id: organization.id,
          name: organization.name,
          created_at: organization.createdAt,
          settings: null,
        })
        .onConflict((c) => c.column('name').doNothing())
        .execute();
      const row = await db
        .selectFrom('organizations')
        .selectAll()
        .where('name', '=', organization.name)
        .executeTakeFirstOrThrow();
      return toOrganization(row);
    },
    async settings(scope) {
      const row = await db
        .selectFrom('organizations')
        .select('settings')
        .where('id', '=', scope.organizationId)
        .executeTakeFirst();
      return storedOrganizationSettings(
        row?.settings === null || row?.settings === undefined ? null : dialect.parseJson(row.settings),
      );
    },
    async saveSettings(scope, settings) {
      const result = await db
        .updateTable('organizations')
        .set({ settings: JSON.stringify(settings) })
        .where('id', '=', scope.organizationId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async delete(id) {
      const result = await db.deleteFrom('organizations').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async count() {
      const row = await db
        .selectFrom('organizations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
