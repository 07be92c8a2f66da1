import type { Kysely } from 'kysely';
import type { DirectoryGroup, GroupMapping } from '../directory/model/directory-group.js';
import type { DirectoryGroupRepository } from '../directory/ports/directory-group-repository.js';
import type { Database, DirectoryGroupsTable, GroupMappingsTable } from './database-schema.js';
import { inBatches } from './in-batches.js';

const toGroup = (row: DirectoryGroupsTable): DirectoryGroup => ({
  id: row.id,
  organizationId: row.organization_id,
  name: row.name,
  createdAt: row.created_at,
});

const toMapping = (row: GroupMappingsTable): GroupMapping => ({
  id: row.id,
  integrationId: row.integration_id,
  matchBy: row.match_by as GroupMapping['matchBy'],
  idpGroup: row.idp_group,
  directoryGroupId: row.directory_group_id,
  automatic: Number(row.automatic) === 1,
});

export function directoryGroupRepository(db: Kysely<Database>): DirectoryGroupRepository {
  return {
    async ensure(organizationId, name, newId, now) {
      const nameKey = name.toLowerCase();
      await db
        .insertInto('directory_groups')
        .values({ id: newId, organization_id: organizationId, name, name_key: nameKey, created_at: now })
        .onConflict((c) => c.columns(['organization_id', 'name_key']).doNothing())
        .execute();
      const row = await db
        .selectFrom('directory_groups')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('name_key', '=', nameKey)
        .executeTakeFirstOrThrow();
      return toGroup(row);
    },
    async findById(organizationId, id) {
      const row = await db
        .selectFrom('directory_groups')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toGroup(row) : undefined;
    },
    async findByName(organizationId, name) {
      const row = await db
        .selectFrom('directory_groups')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('name_key', '=', name.toLowerCase())
        .executeTakeFirst();
      return row ? toGroup(row) : undefined;
    },
    async list(organizationId) {
      const rows = await db
        .selectFrom('directory_groups')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .orderBy('name_key')
        .execute();
      return rows.map(toGroup);
    },
    async delete(organizationId, id) {
      const result = await db
        .deleteFrom('directory_groups')
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async mappingCandidates(scope, groups) {
      if (groups.length === 0) return [];
      const ids = [...new Set(groups.map((g) => g.scimGroupId))];
      const names = [...new Set(groups.map((g) => g.displayName.toLowerCase()))];
      const candidates = (byId: readonly string[], byName: readonly string[]) =>
        db
          .selectFrom('group_mappings as m')
          .innerJoin('integrations as i', 'i.id', 'm.integration_id')
          .selectAll('m')
          .where('m.integration_id', '=', scope.integrationId)
          .where('i.organization_id', '=', scope.organizationId)
          .where((eb) =>
            eb.or([
              ...(byId.length > 0
                ? [eb.and([eb('m.match_by', '=', 'id'), eb('m.idp_group', 'in', byId)])]
                : []),
              ...(byName.length > 0
                ? [eb.and([eb('m.match_by', '=', 'displayName'), eb('m.idp_group', 'in', byName)])]
                : []),
            ]),
          )
          .execute();
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
    async mappings(integrationId) {
      const rows = await db
        .selectFrom('group_mappings')
        .selectAll()
        .where('integration_id', '=', integrationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toMapping);
    },
    async addMapping(mapping, now) {
      const inserted = await db
        .insertInto('group_mappings')
        .values({
          id: mapping.id,
          integration_id: mapping.integrationId,
          match_by: mapping.matchBy,
          // displayName matches are case-insensitive, as Group displayName uniqueness is.
          idp_group: mapping.matchBy === 'displayName' ? mapping.idpGroup.toLowerCase() : mapping.idpGroup,
          directory_group_id: mapping.directoryGroupId,
          automatic: mapping.automatic ? 1 : 0,
          created_at: now,
        })
        .onConflict((c) => c.columns(['integration_id', 'match_by', 'idp_group']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },
    async removeMapping(integrationId, mappingId) {
      const result = await db
        .deleteFrom('group_mappings')
        .where('integration_id', '=', integrationId)
        .where('id', '=', mappingId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async setRoles(groupId, roleIds) {
      await db.deleteFrom('directory_group_roles').where('group_id', '=', groupId).execute();
      const unique = [...new Set(roleIds)];
      if (unique.length > 0) {
        await db
          .insertInto('directory_group_roles')
          .values(unique.map((role_id) => ({ group_id: groupId, role_id })))
          .execute();
      }
    },
    async roleIdsOf(groupId) {
      const rows = await db
        .selectFrom('directory_group_roles')
        .select('role_id')
        .where('group_id', '=', groupId)
        .orderBy('role_id')
        .execute();
      return rows.map((r) => r.role_id);
    },
  };
}
