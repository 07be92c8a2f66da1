import { sql, type Kysely } from 'kysely';
import { UniquenessError } from '../core/errors.js';
import type { Identity, IdentitySource } from '../directory/model/identity.js';
import type { IdentityRepository } from '../directory/ports/identity-repository.js';
import type { Database, IdentitiesTable, IdentitySourcesTable } from './database-schema.js';
import type { StoreDialect } from './dialect.js';
import { inBatches } from './in-batches.js';
import { rowLimit } from './row-limit.js';
import { boundColumns, preparedQuery } from './prepared-query.js';
import { IDENTITY_COLUMNS, SOURCE_COLUMNS, identityFromRow, sourceFromRow } from './identity-rows.js';

// Every synced SCIM write runs these (issue 15): prepared once.
const insertIdentityQuery = preparedQuery((db, p: IdentitiesTable) =>
  db
    .insertInto('identities')
    .values(boundColumns(p, IDENTITY_COLUMNS))
    // No conflict target: the live-name index is partial, and any unique index refusing is "taken".
    .onConflict((c) => c.doNothing())
    .returning('id'),
);

const IDENTITY_CHANGES = IDENTITY_COLUMNS.filter(
  (column) => column !== 'id' && column !== 'organization_id' && column !== 'created_at',
);
const updateIdentityQuery = preparedQuery((db, p: IdentitiesTable) =>
  db
    .updateTable('identities')
    .set(boundColumns(p, IDENTITY_CHANGES))
    .where('id', '=', p.id)
    .where('organization_id', '=', p.organization_id),
);
// An identity that keeps its live name (the caller says so) cannot meet the live-name index, the only
// unique index an update can hit: nothing maps its errors, so it is deferrable, and it leaves name_key
// as it is (which also gives it a statement text of its own: deferral is decided by the text).
const updateIdentityKeepingNameQuery = preparedQuery(
  (db, p: IdentitiesTable) =>
    db
      .updateTable('identities')
      .set(
        boundColumns(
          p,
          IDENTITY_CHANGES.filter((column) => column !== 'name_key'),
        ),
      )
      .where('id', '=', p.id)
      .where('organization_id', '=', p.organization_id),
  { deferrable: true },
);

// Each member change rewrites one identity's directory groups: one fixed statement whatever the number
// of groups (a JSON list), so it is prepared once and deferrable (nobody reads its answer or maps its
// errors). The rows not in the new set go, the missing ones come; what stays is not rewritten. Only
// groups of the identity's own organization can be linked: the join decides, not the caller.
type GroupSetParameters = { identityId: string; organizationId: string; groupIds: string };
const identityOfScope = (p: GroupSetParameters) =>
  sql`(select id from identities where id = ${p.identityId} and organization_id = ${p.organizationId})`;
const removeOtherGroups = (p: GroupSetParameters, dialect: StoreDialect) =>
  sql`delete from identity_groups where identity_id = ${identityOfScope(p)}
    and group_id not in ${dialect.jsonTextList(p.groupIds)}`;
// The identity (by key), then the listed ids, each group read by its key: CROSS JOIN keeps that order on
// SQLite, which otherwise read every directory group of the organization to test it against the list.
const addMissingGroups = (p: GroupSetParameters, dialect: StoreDialect) =>
  sql`insert into identity_groups (identity_id, group_id)
    select i.id, g.id from identities as i
    cross join ${dialect.jsonTextRows(p.groupIds, 'listed')}
    cross join directory_groups as g
    where i.organization_id = ${p.organizationId} and i.id = ${p.identityId}
      and g.id = listed.value and g.organization_id = i.organization_id
    on conflict (identity_id, group_id) do nothing`;
// PostgreSQL: both in one statement. SQLite (no writable CTE): the two, one after the other.
const setGroupsQuery = preparedQuery(
  (_db, p: GroupSetParameters, dialect) =>
    sql`with removed as (${removeOtherGroups(p, dialect)} returning 1) ${addMissingGroups(p, dialect)}`,
  { deferrable: true },
);
const removeOtherGroupsQuery = preparedQuery((_db, p: GroupSetParameters, dialect) =>
  removeOtherGroups(p, dialect),
);
const addMissingGroupsQuery = preparedQuery((_db, p: GroupSetParameters, dialect) =>
  addMissingGroups(p, dialect),
);

// The group names an identity was first seen with: one fixed statement for any number of names (JSON
// records), deferrable like the groups. Each row is written only for an identity of the organization.
// CROSS JOIN keeps the list as SQLite's outer loop (it never reorders one), each identity read by its
// key: with an inner join SQLite walked every identity of the organization and scanned the list for
// each, so a large group's first sync was quadratic (seeding the bench's 100,000-member group had not
// finished after 20 minutes; json-list-plans.test.ts checks the plan).
const recordFirstSeenNamesQuery = preparedQuery(
  (_db, p: { organizationId: string; names: string }, dialect) =>
    sql`insert into identity_group_names (identity_id, scim_group_id, name)
      select i.id, n.scim_group_id, n.name
      from ${dialect.jsonRecords(p.names, 'n', ['identity_id', 'scim_group_id', 'name'])}
      cross join identities as i
      where i.id = n.identity_id and i.organization_id = ${p.organizationId}
      on conflict (identity_id, scim_group_id) do nothing`,
  { deferrable: true },
);

const SOURCE_CHANGES = SOURCE_COLUMNS.filter(
  (column) => column !== 'identity_id' && column !== 'integration_id' && column !== 'created_at',
);
// Deferrable: nothing reads its answer or maps its errors, so on PostgreSQL it travels with the
// transaction's next statement (a round trip fewer on every SCIM user write).
const saveSourceQuery = preparedQuery(
  (db, p: IdentitySourcesTable) =>
    db
      .insertInto('identity_sources')
      .values(boundColumns(p, SOURCE_COLUMNS))
      .onConflict((c) =>
        c
          .columns(['identity_id', 'integration_id'])
          .doUpdateSet((eb) =>
            Object.fromEntries(SOURCE_CHANGES.map((column) => [column, eb.ref(`excluded.${column}`)])),
          ),
      ),
  { deferrable: true },
);

// Every create looks for a deleted source to continue (settings.relink): prepared once per key column.
const relinkableQuery = (column: 'external_id' | 'user_name_key') =>
  preparedQuery((db, p: { integrationId: string; organizationId: string; key: string }) =>
    db
      .selectFrom('identity_sources')
      .selectAll()
      .where('integration_id', '=', p.integrationId)
      .where('organization_id', '=', p.organizationId)
      .where('status', '=', 'deleted')
      .where(column, '=', p.key)
      .orderBy('updated_at', 'desc')
      .limit(rowLimit(1)),
  );
const relinkableByExternalIdQuery = relinkableQuery('external_id');
const relinkableByUserNameQuery = relinkableQuery('user_name_key');

export function identityRepository(db: Kysely<Database>, dialect: StoreDialect): IdentityRepository {
  const toIdentity = (row: IdentitiesTable): Identity => identityFromRow(row, dialect);
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
  const toSource = (row: IdentitySourcesTable): IdentitySource => sourceFromRow(row, dialect);
  const nameTaken = (name: string) =>
    new UniquenessError(`The identity name ${JSON.stringify(name)} is already used by another identity.`);
  // Identities that some source of this integration feeds, and only that integration.
  const soleSourced = (integrationId: string) =>
    db
      .selectFrom('identity_sources as s')
      .select('s.identity_id')
      .where('s.integration_id', '=', integrationId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('identity_sources as o')
              .select('o.identity_id')
              .whereRef('o.identity_id', '=', 's.identity_id')
              .where('o.integration_id', '<>', integrationId),
          ),
        ),
      );

  return {
    async findById(scope, id) {
      const row = await db
        .selectFrom('identities')
        .selectAll()
        .where('organization_id', '=', scope.organizationId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toIdentity(row) : undefined;
    },
    async findByIds(scope, ids) {
      return inBatches(ids, 1000, async (batch) =>
        (
          await db
            .selectFrom('identities')
            .selectAll()
            .where('organization_id', '=', scope.organizationId)
            .where('id', 'in', batch)
            .execute()
        ).map(toIdentity),
      );
    },
    async findBySource(scope, scimResourceId) {
      const row = await db
        .selectFrom('identities as i')
        .innerJoin('identity_sources as s', 's.identity_id', 'i.id')
        .selectAll('i')
        .where('s.integration_id', '=', scope.integrationId)
        .where('s.organization_id', '=', scope.organizationId)
        .where('i.organization_id', '=', scope.organizationId)
        .where('s.scim_resource_id', '=', scimResourceId)
        .executeTakeFirst();
      return row ? toIdentity(row) : undefined;
    },
    async findBySignInExternalId(scope, value, limit) {
      // identities_sign_in_external_id (organization_id, sign_in_external_id) answers this.
      const rows = await db
        .selectFrom('identities')
        .selectAll()
        .where('organization_id', '=', scope.organizationId)
        .where('sign_in_external_id', '=', value)
        // No ORDER BY: the sign-in decision treats the matches as a set, and a sort costs a temp b-tree.
        .limit(rowLimit(limit))
        .execute();
      return rows.map(toIdentity);
    },
    async insert(identity) {
      return (await insertIdentityQuery.first(db, dialect, toRow(identity))) !== undefined;
    },
    async update(identity, options = {}) {
      if (options.keepsName) {
        await updateIdentityKeepingNameQuery.affected(db, dialect, toRow(identity));
        return;
      }
      try {
        await updateIdentityQuery.affected(db, dialect, toRow(identity));
      } catch (error) {
        if (dialect.isUniqueViolation(error)) throw nameTaken(identity.name);
        throw error;
      }
    },
    async delete(scope, id) {
      const result = await db
        .deleteFrom('identities')
        .where('organization_id', '=', scope.organizationId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async nameHolders(scope, nameKeys) {
      const holders = new Map<string, string>();
      await inBatches(nameKeys, 1000, async (batch) => {
        const rows = await db
          .selectFrom('identities')
          .select(['name_key', 'id'])
          .where('organization_id', '=', scope.organizationId)
          .where('name_key', 'in', batch)
          .where('status', '<>', 'deleted')
          .execute();
        for (const row of rows) holders.set(row.name_key, row.id);
        return [];
      });
      return holders;
    },
    async setGroups(scope, identityId, groupIds) {
      const parameters = {
        identityId,
        organizationId: scope.organizationId,
        groupIds: JSON.stringify([...new Set(groupIds)]),
      };
      if (dialect.supportsWritableCte) {
        await setGroupsQuery.affected(db, dialect, parameters);
        return;
      }
      await removeOtherGroupsQuery.affected(db, dialect, parameters);
      // Nothing to add to an identity left in no group (a member removal's usual case).
      if (groupIds.length > 0) await addMissingGroupsQuery.affected(db, dialect, parameters);
    },
    async groupIdsOf(scope, identityId) {
      const rows = await db
        .selectFrom('identity_groups as g')
        .innerJoin('identities as i', 'i.id', 'g.identity_id')
        .select('g.group_id')
        .where('i.organization_id', '=', scope.organizationId)
        .where('g.identity_id', '=', identityId)
        .orderBy('g.group_id')
        .execute();
      return rows.map((r) => r.group_id);
    },
    async groupIdsOfMany(scope, identityIds) {
      const found = new Map<string, string[]>();
      await inBatches(identityIds, 1000, async (batch) => {
        const rows = await db
          .selectFrom('identity_groups as g')
          .innerJoin('identities as i', 'i.id', 'g.identity_id')
          .select(['g.identity_id', 'g.group_id'])
          .where('i.organization_id', '=', scope.organizationId)
          .where('g.identity_id', 'in', batch)
          .orderBy('g.group_id')
          .execute();
        for (const row of rows)
          found.set(row.identity_id, [...(found.get(row.identity_id) ?? []), row.group_id]);
        return [];
      });
      return found;
    },
    async recordFirstSeenGroupNames(scope, names) {
      if (names.length === 0) return;
      await recordFirstSeenNamesQuery.affected(db, dialect, {
        organizationId: scope.organizationId,
        names: JSON.stringify(
          names.map((n) => ({ identity_id: n.identityId, scim_group_id: n.scimGroupId, name: n.name })),
        ),
      });
    },
    async countInOrganization(scope) {
      const row = await db
        .selectFrom('identities')
        .select(sql<number>`count(*)`.as('n'))
        .where('organization_id', '=', scope.organizationId)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async list(scope, query) {
      let select = db
        .selectFrom('identities as i')
        .selectAll('i')
        .where('i.organization_id', '=', scope.organizationId)
        .orderBy('i.id')
        .limit(rowLimit(query.limit));
      if (query.status) select = select.where('i.status', '=', query.status);
      if (query.integrationId) {
        const integrationId = query.integrationId;
        select = select.where((eb) =>
          eb.exists(
            eb
              .selectFrom('identity_sources as s')
              .select('s.identity_id')
              .whereRef('s.identity_id', '=', 'i.id')
              .where('s.integration_id', '=', integrationId),
          ),
        );
      }
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

    async linkedSources(scope, scimIds) {
      return inBatches(scimIds, 1000, async (batch) =>
        (
          await db
            .selectFrom('identity_sources as s')
            .innerJoin('identity_sources as o', 'o.identity_id', 's.identity_id')
            .selectAll('o')
            .where('s.integration_id', '=', scope.integrationId)
            .where('s.organization_id', '=', scope.organizationId)
            .where('s.scim_resource_id', 'in', batch)
            .orderBy('o.created_at')
            .orderBy('o.integration_id')
            .execute()
        ).map(toSource),
      );
    },
    async sourcesOfIdentities(scope, identityIds) {
      const found = new Map<string, IdentitySource[]>();
      await inBatches(identityIds, 1000, async (batch) => {
        const rows = await db
          .selectFrom('identity_sources')
          .selectAll()
          .where('organization_id', '=', scope.organizationId)
          .where('identity_id', 'in', batch)
          .orderBy('created_at')
          .orderBy('integration_id')
          .execute();
        for (const row of rows)
          found.set(row.identity_id, [...(found.get(row.identity_id) ?? []), toSource(row)]);
        return [];
      });
      return found;
    },
    async findRelinkable(scope, key) {
      const row =
        'externalId' in key
          ? await relinkableByExternalIdQuery.first(db, dialect, { ...scope, key: key.externalId })
          : await relinkableByUserNameQuery.first(db, dialect, { ...scope, key: key.userNameKey });
      return row ? toSource(row) : undefined;
    },
    async saveSource(source) {
      const row: IdentitySourcesTable = {
        identity_id: source.identityId,
        organization_id: source.organizationId,
        integration_id: source.integrationId,
        scim_resource_id: source.scimResourceId,
        external_id: source.externalId,
        user_name_key: source.userNameKey,
        status: source.status,
        contribution: JSON.stringify(source.contribution),
        created_at: source.createdAt,
        updated_at: source.updatedAt,
      };
      await saveSourceQuery.affected(db, dialect, row);
    },
    async deleteSource(scope, identityId) {
      await db
        .deleteFrom('identity_sources')
        .where('integration_id', '=', scope.integrationId)
        .where('organization_id', '=', scope.organizationId)
        .where('identity_id', '=', identityId)
        .execute();
    },
    async listSources(scope, afterScimId, limit) {
      let query = db
        .selectFrom('identity_sources')
        .selectAll()
        .where('integration_id', '=', scope.integrationId)
        .where('organization_id', '=', scope.organizationId)
        .where('status', '<>', 'deleted')
        .orderBy('scim_resource_id')
        .limit(rowLimit(limit));
      if (afterScimId !== undefined) query = query.where('scim_resource_id', '>', afterScimId);
      return (await query.execute()).map(toSource);
    },
    async countSources(scope) {
      const row = await db
        .selectFrom('identity_sources')
        .select(sql<number>`count(*)`.as('n'))
        .where('integration_id', '=', scope.integrationId)
        .where('organization_id', '=', scope.organizationId)
        .where('status', '<>', 'deleted')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async sharedIdentityIds(scope) {
      const rows = await db
        .selectFrom('identity_sources as s')
        .select('s.identity_id')
        .where('s.integration_id', '=', scope.integrationId)
        .where('s.organization_id', '=', scope.organizationId)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('identity_sources as o')
              .select('o.identity_id')
              .whereRef('o.identity_id', '=', 's.identity_id')
              .where('o.integration_id', '<>', scope.integrationId),
          ),
        )
        .execute();
      return rows.map((r) => r.identity_id);
    },
    async soleSourcedIdentityIds(scope) {
      const rows = await soleSourced(scope.integrationId)
        .where('s.organization_id', '=', scope.organizationId)
        .execute();
      return rows.map((row) => row.identity_id);
    },
    async detachSoleSourced(scope, action, now) {
      const ids = soleSourced(scope.integrationId);
      if (action === 'delete') {
        const result = await db
          .deleteFrom('identities')
          .where('organization_id', '=', scope.organizationId)
          .where('id', 'in', ids)
          .executeTakeFirst();
        return Number(result.numDeletedRows);
      }
      const result = await db
        .updateTable('identities')
        .set({
          source_integration_id: null,
          scim_resource_id: null,
          updated_at: now,
          // A deleted identity stays deleted: it released its name, which another may hold by now.
          ...(action === 'disable'
            ? { status: sql<string>`case when status = 'deleted' then status else 'disabled' end` }
            : {}),
        })
        .where('organization_id', '=', scope.organizationId)
        .where('id', 'in', ids)
        .executeTakeFirst();
      // The links themselves go with the integration (ON DELETE CASCADE).
      return Number(result.numUpdatedRows);
    },
  };
}
