import type { Kysely } from 'kysely';
import type { DirectoryGroup, DirectoryGroupRepository, GroupMapping } from '../directory/ports.js';
import type { Database, DirectoryGroupsTable, GroupMappingsTable } from './database-schema.js';

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
    async ofIdentity(organizationId, identityId) {
      const rows = await db
        .selectFrom('directory_groups as g')
        .innerJoin('identity_groups as ig', 'ig.group_id', 'g.id')
        .selectAll('g')
        .where('ig.identity_id', '=', identityId)
        .where('g.organization_id', '=', organizationId)
        .orderBy('g.name_key')
        .execute();
      return rows.map(toGroup);
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
    async mappingFor(integrationId, scimGroupId, displayName) {
      const rows = await db
        .selectFrom('group_mappings')
        .selectAll()
        .where('integration_id', '=', integrationId)
        .where((eb) =>
          eb.or([
            eb.and([eb('match_by', '=', 'id'), eb('idp_group', '=', scimGroupId)]),
            eb.and([eb('match_by', '=', 'displayName'), eb('idp_group', '=', displayName.toLowerCase())]),
          ]),
        )
        .execute();
      // Explicit mappings win over automatic ones; among equals, a match by id wins over one by name.
      const rank = (r: GroupMappingsTable) =>
        (Number(r.automatic) === 1 ? 2 : 0) + (r.match_by === 'id' ? 0 : 1);
      const chosen = [...rows].sort((a, b) => rank(a) - rank(b))[0];
      return chosen ? toMapping(chosen) : undefined;
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
