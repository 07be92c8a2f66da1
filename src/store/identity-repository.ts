import { sql, type Kysely } from 'kysely';
import { UniquenessError } from '../core/errors.js';
import type { IdentityProfile } from '../directory/identities/derive-identity.js';
import type { Identity, IdentityRepository, IdentityStatus } from '../directory/ports.js';
import type { Database, IdentitiesTable } from './database-schema.js';
import type { StoreDialect } from './dialect.js';

export function identityRepository(db: Kysely<Database>, dialect: StoreDialect): IdentityRepository {
  const toIdentity = (row: IdentitiesTable): Identity => ({
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    status: row.status as IdentityStatus,
    signInExternalId: row.sign_in_external_id,
    authPolicyId: row.auth_policy_id,
    attributes: dialect.parseJson(row.attributes) as unknown as string[],
    profile: dialect.parseJson(row.profile) as IdentityProfile,
    sourceIntegrationId: row.source_integration_id,
    scimResourceId: row.scim_resource_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastSyncedAt: row.last_synced_at,
  });
  const toRow = (identity: Identity): IdentitiesTable => ({
    id: identity.id,
    organization_id: identity.organizationId,
    name: identity.name,
    name_key: identity.name.toLowerCase(),
    status: identity.status,
    sign_in_external_id: identity.signInExternalId,
    auth_policy_id: identity.authPolicyId,
    attributes: JSON.stringify(identity.attributes),
    profile: JSON.stringify(identity.profile),
    source_integration_id: identity.sourceIntegrationId,
    scim_resource_id: identity.scimResourceId,
    created_at: identity.createdAt,
    updated_at: identity.updatedAt,
    last_synced_at: identity.lastSyncedAt,
  });
  const nameTaken = (name: string) =>
    new UniquenessError(`The identity name ${JSON.stringify(name)} is already used by another identity.`);

  return {
    async findById(organizationId, id) {
      const row = await db
        .selectFrom('identities')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toIdentity(row) : undefined;
    },
    async findBySource(organizationId, integrationId, scimResourceId) {
      const row = await db
        .selectFrom('identities')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('source_integration_id', '=', integrationId)
        .where('scim_resource_id', '=', scimResourceId)
        .executeTakeFirst();
      return row ? toIdentity(row) : undefined;
    },
    async findBySignInExternalId(organizationId, value, limit) {
      // identities_sign_in_external_id (organization_id, sign_in_external_id) answers this.
      const rows = await db
        .selectFrom('identities')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('sign_in_external_id', '=', value)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toIdentity);
    },
    async insert(identity) {
      try {
        await db.insertInto('identities').values(toRow(identity)).execute();
      } catch (error) {
        if (dialect.isUniqueViolation(error)) throw nameTaken(identity.name);
        throw error;
      }
    },
    async update(identity) {
      const { id, organization_id, created_at: _created, ...changes } = toRow(identity);
      try {
        await db
          .updateTable('identities')
          .set(changes)
          .where('id', '=', id)
          .where('organization_id', '=', organization_id)
          .execute();
      } catch (error) {
        if (dialect.isUniqueViolation(error)) throw nameTaken(identity.name);
        throw error;
      }
    },
    async delete(organizationId, id) {
      const result = await db
        .deleteFrom('identities')
        .where('organization_id', '=', organizationId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async setGroups(identityId, groupIds) {
      await db.deleteFrom('identity_groups').where('identity_id', '=', identityId).execute();
      const unique = [...new Set(groupIds)];
      if (unique.length > 0) {
        await db
          .insertInto('identity_groups')
          .values(unique.map((group_id) => ({ identity_id: identityId, group_id })))
          .execute();
      }
    },
    async groupIdsOf(identityId) {
      const rows = await db
        .selectFrom('identity_groups')
        .select('group_id')
        .where('identity_id', '=', identityId)
        .orderBy('group_id')
        .execute();
      return rows.map((r) => r.group_id);
    },
    async groupIdsOfMany(identityIds) {
      const found = new Map<string, string[]>();
      for (let i = 0; i < identityIds.length; i += 1000) {
        const rows = await db
          .selectFrom('identity_groups')
          .select(['identity_id', 'group_id'])
          .where('identity_id', 'in', identityIds.slice(i, i + 1000))
          .orderBy('group_id')
          .execute();
        for (const row of rows)
          found.set(row.identity_id, [...(found.get(row.identity_id) ?? []), row.group_id]);
      }
      return found;
    },
    async firstSeenGroupNamesMany(identityIds) {
      const found = new Map<string, Map<string, string>>();
      for (let i = 0; i < identityIds.length; i += 1000) {
        const rows = await db
          .selectFrom('identity_group_names')
          .select(['identity_id', 'scim_group_id', 'name'])
          .where('identity_id', 'in', identityIds.slice(i, i + 1000))
          .execute();
        for (const row of rows) {
          const names = found.get(row.identity_id) ?? new Map<string, string>();
          names.set(row.scim_group_id, row.name);
          found.set(row.identity_id, names);
        }
      }
      return found;
    },
    async nameHolders(organizationId, nameKeys) {
      const holders = new Map<string, string>();
      for (let i = 0; i < nameKeys.length; i += 1000) {
        const rows = await db
          .selectFrom('identities')
          .select(['name_key', 'id'])
          .where('organization_id', '=', organizationId)
          .where('name_key', 'in', nameKeys.slice(i, i + 1000))
          .execute();
        for (const row of rows) holders.set(row.name_key, row.id);
      }
      return holders;
    },
    async firstSeenGroupNames(identityId) {
      const rows = await db
        .selectFrom('identity_group_names')
        .select(['scim_group_id', 'name'])
        .where('identity_id', '=', identityId)
        .execute();
      return new Map(rows.map((r) => [r.scim_group_id, r.name]));
    },
    async recordFirstSeenGroupNames(identityId, names) {
      if (names.length === 0) return;
      await db
        .insertInto('identity_group_names')
        .values(names.map((n) => ({ identity_id: identityId, scim_group_id: n.scimGroupId, name: n.name })))
        .onConflict((c) => c.columns(['identity_id', 'scim_group_id']).doNothing())
        .execute();
    },
    async listBySource(integrationId, afterScimId, limit) {
      let query = db
        .selectFrom('identities')
        .selectAll()
        .where('source_integration_id', '=', integrationId)
        .where('scim_resource_id', 'is not', null)
        .orderBy('scim_resource_id')
        .limit(limit);
      if (afterScimId !== undefined) query = query.where('scim_resource_id', '>', afterScimId);
      return (await query.execute()).map(toIdentity);
    },
    async countBySource(integrationId) {
      const row = await db
        .selectFrom('identities')
        .select(sql<number>`count(*)`.as('n'))
        .where('source_integration_id', '=', integrationId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async list(organizationId, query) {
      let select = db
        .selectFrom('identities as i')
        .selectAll('i')
        .where('i.organization_id', '=', organizationId)
        .orderBy('i.id')
        .limit(query.limit);
      if (query.status) select = select.where('i.status', '=', query.status);
      if (query.integrationId) select = select.where('i.source_integration_id', '=', query.integrationId);
      if (query.afterId) select = select.where('i.id', '>', query.afterId);
      if (query.text)
        select = select.where(
          sql<boolean>`${dialect.contains(sql.ref('i.name_key'), query.text.toLowerCase())}`,
        );
      if (query.groupId) {
        const groupId = query.groupId;
        select = select.where((eb) =>
          eb.exists(
            eb
              .selectFrom('identity_groups as g')
              .select('g.group_id')
              .whereRef('g.identity_id', '=', 'i.id')
              .where('g.group_id', '=', groupId),
          ),
        );
      }
      if (query.attribute) {
        const elements = dialect.jsonArrayElements(sql.ref('i.attributes'), [], 'a');
        select = select.where(
          sql<boolean>`exists (select 1 from ${elements} where ${dialect.elementText(sql.ref('a.value'))} = ${query.attribute})`,
        );
      }
      return (await select.execute()).map(toIdentity);
    },
    async detachIntegration(integrationId, action, now) {
      if (action === 'delete') {
        const result = await db
          .deleteFrom('identities')
          .where('source_integration_id', '=', integrationId)
          .executeTakeFirst();
        return Number(result.numDeletedRows);
      }
      const result = await db
        .updateTable('identities')
        .set({
          source_integration_id: null,
          scim_resource_id: null,
          updated_at: now,
          ...(action === 'disable' ? { status: 'disabled' } : {}),
        })
        .where('source_integration_id', '=', integrationId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
