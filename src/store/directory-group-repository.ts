import { sql, type Kysely } from 'kysely';
import type { DirectoryGroup } from '../directory/model/directory-group.js';
import type { DirectoryGroupRepository } from '../directory/ports/directory-group-repository.js';
import type { Database, DirectoryGroupsTable, GroupMappingsTable } from './database-schema.js';
import { inBatches } from './in-batches.js';
import {
  MAPPING_COLUMNS,
  mappingCandidateCondition,
  mappingFromRow as toMapping,
  sqlList,
} from './group-mapping-rows.js';

const toGroup = (row: DirectoryGroupsTable): DirectoryGroup => ({
  id: row.id,
  organizationId: row.organization_id,
  name: row.name,
  createdAt: row.created_at,
});

export function directoryGroupRepository(db: Kysely<Database>): DirectoryGroupRepository {
  return {
    async ensure(scope, name, newId, now) {
      const nameKey = name.toLowerCase();
      await db
        .insertInto('directory_groups')
        .values({
          id: newId,
          organization_id: scope.organizationId,
          name,
          name_key: nameKey,
          created_at: now,
        })
        .onConflict((c) => c.columns(['organization_id', 'name_key']).doNothing())
        .execute();
      const row = await db
        .selectFrom('directory_groups')
        .selectAll()
        .where('organization_id', '=', scope.organizationId)
        .where('name_key', '=', nameKey)
        .executeTakeFirstOrThrow();
      return toGroup(row);
    },
    async findById(scope, id) {
      const row = await db
        .selectFrom('directory_groups')
        .selectAll()
        .where('organization_id', '=', scope.organizationId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toGroup(row) : undefined;
    },
    async findByName(scope, name) {
      const row = await db
        .selectFrom('directory_groups')
        .selectAll()
        .where('organization_id', '=', scope.organizationId)
        .where('name_key', '=', name.toLowerCase())
        .executeTakeFirst();
      return row ? toGroup(row) : undefined;
    },
    async list(scope) {
      const rows = await db
        .selectFrom('directory_groups')
        .selectAll()
        .where('organization_id', '=', scope.organizationId)
        .orderBy('name_key')
        .execute();
      return rows.map(toGroup);
    },
    async rename(scope, id, name) {
      const result = await db
        .updateTable('directory_groups')
        .set({ name, name_key: name.toLowerCase() })
        .where('organization_id', '=', scope.organizationId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async delete(scope, id) {
      const result = await db
        .deleteFrom('directory_groups')
        .where('organization_id', '=', scope.organizationId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async mappingCandidates(scope, groups) {
      if (groups.length === 0) return [];
      const ids = [...new Set(groups.map((g) => g.scimGroupId))];
      const names = [...new Set(groups.map((g) => g.displayName.toLowerCase()))];
      const candidates = async (byId: readonly string[], byName: readonly string[]) => {
        const { rows } = await sql<GroupMappingsTable>`
          select m.* from group_mappings as m inner join integrations as i on i.id = m.integration_id
          where m.integration_id = ${scope.integrationId} and i.organization_id = ${scope.organizationId}
            and ${mappingCandidateCondition(sqlList(byId), sqlList(byName))}`.execute(db);
        return rows;
      };
      // One statement for the usual handful of groups; slices when a batch names thousands.
      const rows =
        ids.length + names.length <= 1000
          ? await candidates(ids, names)
          : [
              ...(await inBatches(ids, 1000, (batch) => candidates(batch, []))),
              ...(await inBatches(names, 1000, (batch) => candidates([], batch))),
            ];
      return rows.map(toMapping);
    },
    async mappings(scope) {
      const rows = await db
        .selectFrom('group_mappings as m')
        .innerJoin('integrations as i', 'i.id', 'm.integration_id')
        .selectAll('m')
        .where('m.integration_id', '=', scope.integrationId)
        .where('i.organization_id', '=', scope.organizationId)
        .orderBy('m.created_at')
        .orderBy('m.id')
        .execute();
      return rows.map(toMapping);
    },
    async addMapping(scope, mapping, now) {
      // The integration and the directory group must both be the scope's organization's: the select
      // finds no row otherwise, and nothing is inserted.
      const inserted = await db
        .insertInto('group_mappings')
        .columns([...MAPPING_COLUMNS])
        .expression(
          db
            .selectFrom('integrations as i')
            .innerJoin('directory_groups as g', 'g.organization_id', 'i.organization_id')
            .select([
              sql.val(mapping.id).as('id'),
              'i.id as integration_id',
              sql.val(mapping.matchBy).as('match_by'),
              // displayName matches are case-insensitive, as Group displayName uniqueness is.
              sql
                .val(mapping.matchBy === 'displayName' ? mapping.idpGroup.toLowerCase() : mapping.idpGroup)
                .as('idp_group'),
              'g.id as directory_group_id',
              sql.val(mapping.automatic ? 1 : 0).as('automatic'),
              sql.val(now).as('created_at'),
            ])
            .where('i.id', '=', scope.integrationId)
            .where('i.organization_id', '=', scope.organizationId)
            .where('g.id', '=', mapping.directoryGroupId),
        )
        .onConflict((c) => c.columns(['integration_id', 'match_by', 'idp_group']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },
    async removeMapping(scope, mappingId) {
      const ofScope = db
        .selectFrom('integrations')
        .select('id')
        .where('id', '=', scope.integrationId)
        .where('organization_id', '=', scope.organizationId);
      const result = await db
        .deleteFrom('group_mappings')
        .where('integration_id', 'in', ofScope)
        .where('id', '=', mappingId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async setRoles(scope, groupId, roleIds) {
      const ofScope = db
        .selectFrom('directory_groups')
        .select('id')
        .where('id', '=', groupId)
        .where('organization_id', '=', scope.organizationId);
      await db.deleteFrom('directory_group_roles').where('group_id', 'in', ofScope).execute();
      const unique = [...new Set(roleIds)];
      if (unique.length === 0) return;
      // Only roles and groups of the scope's organization can be linked: the join decides.
      await db
        .insertInto('directory_group_roles')
        .columns(['group_id', 'role_id'])
        .expression(
          db
            .selectFrom('directory_groups as g')
            .innerJoin('roles as r', 'r.organization_id', 'g.organization_id')
            .select(['g.id as group_id', 'r.id as role_id'])
            .where('g.id', '=', groupId)
            .where('g.organization_id', '=', scope.organizationId)
            .where('r.id', 'in', unique),
        )
        .execute();
    },
    async roleIdsOf(scope, groupId) {
      const rows = await db
        .selectFrom('directory_group_roles as gr')
        .innerJoin('directory_groups as g', 'g.id', 'gr.group_id')
        .select('gr.role_id')
        .where('gr.group_id', '=', groupId)
        .where('g.organization_id', '=', scope.organizationId)
        .orderBy('gr.role_id')
        .execute();
      return rows.map((r) => r.role_id);
    },
    async groupsWithRole(scope, roleId) {
      const rows = await db
        .selectFrom('directory_group_roles as gr')
        .innerJoin('directory_groups as g', 'g.id', 'gr.group_id')
        .selectAll('g')
        .where('gr.role_id', '=', roleId)
        .where('g.organization_id', '=', scope.organizationId)
        .orderBy('g.id')
        .execute();
      return rows.map(toGroup);
    },
    async memberIdsOf(scope, groupId) {
      const rows = await db
        .selectFrom('identity_groups as ig')
        .innerJoin('directory_groups as g', 'g.id', 'ig.group_id')
        .select('ig.identity_id')
        .where('ig.group_id', '=', groupId)
        .where('g.organization_id', '=', scope.organizationId)
        .orderBy('ig.identity_id')
        .execute();
      return rows.map((r) => r.identity_id);
    },
  };
}
