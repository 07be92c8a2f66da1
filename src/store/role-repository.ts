import type { Kysely } from 'kysely';
import type { Role, RoleRepository } from '../directory/ports.js';
import type { Database, RolesTable } from './database-schema.js';
import type { StoreDialect } from './dialect.js';

export function roleRepository(db: Kysely<Database>, dialect: StoreDialect): RoleRepository {
  const toRole = (row: RolesTable): Role => ({
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    permissions: dialect.parseJson(row.permissions) as unknown as string[],
  });
  return {
    async insert(role, now) {
      const inserted = await db
        .insertInto('roles')
        .values({
          id: role.id,
          organization_id: role.organizationId,
          name: role.name,
          permissions: JSON.stringify(role.permissions),
          created_at: now,
        })
        .onConflict((c) => c.columns(['organization_id', 'name']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },
    async update(role) {
      try {
        const result = await db
          .updateTable('roles')
          .set({ name: role.name, permissions: JSON.stringify(role.permissions) })
          .where('organization_id', '=', role.organizationId)
          .where('id', '=', role.id)
          .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      } catch (error) {
        // A rename to a taken name: the constraint decides, the caller reports it.
        if (dialect.isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async delete(organizationId, id) {
      const result = await db
        .deleteFrom('roles')
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async list(organizationId) {
      const rows = await db
        .selectFrom('roles')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .orderBy('name')
        .execute();
      return rows.map(toRole);
    },
    async findById(organizationId, id) {
      const row = await db
        .selectFrom('roles')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toRole(row) : undefined;
    },
    async effectiveRolesOf(identityId) {
      const rows = await db
        .selectFrom('roles as r')
        .selectAll('r')
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('identity_groups as ig')
              .innerJoin('directory_group_roles as gr', 'gr.group_id', 'ig.group_id')
              .select('gr.role_id')
              .whereRef('gr.role_id', '=', 'r.id')
              .where('ig.identity_id', '=', identityId),
          ),
        )
        .orderBy('r.name')
        .execute();
      return rows.map(toRole);
    },
  };
}
