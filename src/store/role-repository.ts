import type { Kysely } from 'kysely';
import type { DirectoryGroup } from '../directory/model/directory-group.js';
import type { Role } from '../directory/model/role.js';
import type { RoleRepository } from '../directory/ports/role-repository.js';
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
    delete: (scope, id) => deleteInOrganization(db, 'roles', scope.organizationId, id),
    async list(scope) {
      return (await listInOrganization(db, 'roles', scope.organizationId)).map(toRole);
    },
    async findById(scope, id) {
      const row = await findInOrganization(db, 'roles', scope.organizationId, id);
      return row ? toRole(row) : undefined;
    },
    async groupsAndRolesOf(scope, identityId) {
      const rows = await db
        .selectFrom('identity_groups as ig')
        .innerJoin('directory_groups as g', 'g.id', 'ig.group_id')
        .leftJoin('directory_group_roles as gr', 'gr.group_id', 'g.id')
        .leftJoin('roles as r', (join) =>
          join.onRef('r.id', '=', 'gr.role_id').on('r.organization_id', '=', scope.organizationId),
        )
        .select([
          'g.id as group_id',
          'g.name as group_name',
          'g.name_key as group_key',
          'g.created_at as group_created_at',
          'r.id as role_id',
          'r.name as role_name',
          'r.permissions as role_permissions',
        ])
        .where('ig.identity_id', '=', identityId)
        .where('g.organization_id', '=', scope.organizationId)
        .execute();
      const groups = new Map<string, DirectoryGroup & { key: string }>();
      const roles = new Map<string, Role>();
      for (const row of rows) {
        groups.set(row.group_id, {
          id: row.group_id,
          organizationId: scope.organizationId,
          name: row.group_name,
          createdAt: row.group_created_at,
          key: row.group_key,
        });
        if (row.role_id !== null && row.role_name !== null) {
          roles.set(row.role_id, {
            id: row.role_id,
            organizationId: scope.organizationId,
            name: row.role_name,
            permissions: dialect.parseJson(row.role_permissions) as unknown as string[],
          });
        }
      }
      return {
        groups: [...groups.values()]
          .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
          .map(({ key: _key, ...group }) => group),
        roles: [...roles.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      };
    },
    async effectiveRolesOf(scope, identityId) {
      const rows = await db
        .selectFrom('roles as r')
        .selectAll('r')
        .where('r.organization_id', '=', scope.organizationId)
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
