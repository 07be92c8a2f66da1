import type { Kysely } from 'kysely';
import type { Role, RoleRepository } from '../directory/ports.js';
import type { Database, RolesTable } from './database-schema.js';
import type { StoreDialect } from './dialect.js';
import {
  deleteInOrganization,
  findInOrganization,
  listInOrganization,
  updateReportingNameClash,
} from './organization-scoped-rows.js';

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
    update: (role) =>
      updateReportingNameClash(dialect, () =>
        db
          .updateTable('roles')
          .set({ name: role.name, permissions: JSON.stringify(role.permissions) })
          .where('organization_id', '=', role.organizationId)
          .where('id', '=', role.id)
          .executeTakeFirstOrThrow(),
      ),
    delete: (organizationId, id) => deleteInOrganization(db, 'roles', organizationId, id),
    async list(organizationId) {
      return (await listInOrganization(db, 'roles', organizationId)).map(toRole);
    },
    async findById(organizationId, id) {
      const row = await findInOrganization(db, 'roles', organizationId, id);
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
