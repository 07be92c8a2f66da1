import { sql, type Kysely } from 'kysely';
import { UniquenessError } from '../core/errors.js';
import type { JsonObject } from '../core/resource/json.js';
import type { MemberReference } from '../core/resource/scim-resource.js';
import type { ResourceTypeName } from '../core/schema/resource-types.js';
import type { ListQuery, NewMember, StoredResource } from '../directory/model/scim-resource.js';
import type { IntegrationScope } from '../directory/model/scope.js';
import type { ScimResourceRepository } from '../directory/ports/scim-resource-repository.js';
import type { Database, ScimResourcesTable } from './database-schema.js';
import type { StoreDialect } from './dialect.js';
import { filterToSql, isSelectiveFilter } from './filter-to-sql.js';
import { keysetCondition, orderByTerms, sortKeyExpression } from './sort-to-sql.js';
import { insertResourceWithEmails, NEW_RESOURCE_COLUMNS } from './insert-resource-with-emails.js';
import { boundColumns, preparedQuery, type PreparedQuery } from './prepared-query.js';
import { rowLimit } from './row-limit.js';
import { nameKeyOf, toStored, userWithGroupsOf, type StoredResourceColumns } from './stored-resource-row.js';
import { filterCost, runsOffTheEventLoop } from '../core/filter/filter-cost.js';

const MEMBERSHIP_COLUMNS = 4;

/** The indexed columns derived from a resource's attributes. */
function keyColumns(type: ResourceTypeName, attributes: JsonObject) {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const displayName = text(attributes.displayName);
  const nameSource = type === 'User' ? text(attributes.userName) : displayName;
  return {
    name_key: nameKeyOf(nameSource ?? ''),
    display_name_key: displayName === null ? null : displayName.toLowerCase(),
    external_id: text(attributes.externalId),
  };
}

/**
 * The key columns to write: only those whose value changes when the previous attributes are known.
 * SQLite rewrites an index entry for every column a SET names, changed or not, and each rewritten page
 * goes to the WAL at commit.
 */
function changedKeyColumns(type: ResourceTypeName, attributes: JsonObject, previous: JsonObject | undefined) {
  const next = keyColumns(type, attributes);
  if (previous === undefined) return next;
  const before = keyColumns(type, previous);
  return Object.fromEntries(
    Object.entries(next).filter(([column, value]) => before[column as keyof typeof before] !== value),
  ) as Partial<typeof next>;
}

/** What the scim_emails index holds for each of a user's emails, in order (filters compare folded). */
function emailKeys(attributes: JsonObject): { value_key: string | null; type_key: string | null }[] {
  const emails = Array.isArray(attributes.emails) ? attributes.emails : [];
  const fold = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : null);
  return emails.map((email) => {
    const element = typeof email === 'object' && email !== null ? (email as JsonObject) : {};
    return { value_key: fold(element.value), type_key: fold(element.type) };
  });
}

function sameKeys(
  a: readonly { value_key: string | null; type_key: string | null }[],
  b: readonly { value_key: string | null; type_key: string | null }[],
): boolean {
  return (
    a.length === b.length &&
    a.every((row, i) => row.value_key === b[i]?.value_key && row.type_key === b[i]?.type_key)
  );
}

function sortValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  return String(value);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// The statements every GET, PATCH and PUT of one resource runs, prepared once (issue 15).
const byIdQuery = preparedQuery(
  (db, p: { id: string; integrationId: string; organizationId: string; type: string }) =>
    db
      .selectFrom('scim_resources')
      .selectAll()
      .where('id', '=', p.id)
      .where('integration_id', '=', p.integrationId)
      .where('organization_id', '=', p.organizationId)
      .where('resource_type', '=', p.type)
      .where('deleted_at', 'is', null),
);

type ReplaceParameters = Partial<Record<string, unknown>> & {
  id: string;
  integrationId: string;
  organizationId: string;
  type: string;
  data: string;
  lastModified: string;
  expectedVersion: number | undefined;
};

/**
 * A replace sets only the key columns whose values change (most PATCHes change none), so its statement
 * depends on which ones: one prepared statement per such set, and per whether a version is expected —
 * a handful in all (issue 15: building the update per request cost more than running it).
 */
const replaceQueries = new Map<string, PreparedQuery<ReplaceParameters, ScimResourcesTable>>();
function replaceQuery(
  changedColumns: readonly string[],
  withVersion: boolean,
): PreparedQuery<ReplaceParameters, ScimResourcesTable> {
  const key = `${changedColumns.join(',')}|${withVersion}`;
  let query = replaceQueries.get(key);
  if (!query) {
    query = preparedQuery((db, p: ReplaceParameters) => {
      let update = db
        .updateTable('scim_resources')
        .set({
          ...Object.fromEntries(changedColumns.map((column) => [column, p[column]])),
          data: p.data,
          version: sql<number>`version + 1`,
          last_modified: p.lastModified,
        })
        .where('id', '=', p.id)
        .where('integration_id', '=', p.integrationId)
        .where('organization_id', '=', p.organizationId)
        .where('resource_type', '=', p.type)
        .where('deleted_at', 'is', null);
      if (withVersion) update = update.where('version', '=', p.expectedVersion as number);
      return update.returningAll();
    });
    replaceQueries.set(key, query);
  }
  return query;
}

// A member add names members of either type: its one id, whichever type it is.
const typeByIdQuery = preparedQuery((db, p: { id: string; integrationId: string; organizationId: string }) =>
  db
    .selectFrom('scim_resources')
    .select(['id', 'resource_type'])
    .where('integration_id', '=', p.integrationId)
    .where('organization_id', '=', p.organizationId)
    .where('id', '=', p.id)
    .where('deleted_at', 'is', null),
);

// Every member change bumps its group's version (a new ETag) without rewriting its attributes.
const touchQuery = preparedQuery(
  (
    db,
    p: { id: string; integrationId: string; organizationId: string; type: string; lastModified: string },
  ) =>
    db
      .updateTable('scim_resources')
      .set({ version: sql<number>`version + 1`, last_modified: p.lastModified })
      .where('id', '=', p.id)
      .where('integration_id', '=', p.integrationId)
      .where('organization_id', '=', p.organizationId)
      .where('resource_type', '=', p.type)
      .where('deleted_at', 'is', null)
      .returningAll(),
);

const deleteEmailsQuery = preparedQuery((db, p: { id: string }) =>
  db.deleteFrom('scim_emails').where('resource_id', '=', p.id),
);

/** Users have one to a few emails: their index rows are inserted by a statement prepared per count. */
const PREPARED_EMAIL_ROWS = 8;
const insertEmailsQueries = new Map<number, PreparedQuery<Record<string, string | null>, unknown>>();
function insertEmailsQuery(count: number): PreparedQuery<Record<string, string | null>, unknown> {
  let query = insertEmailsQueries.get(count);
  if (!query) {
    query = preparedQuery((db, p: Record<string, string | null>) =>
      db.insertInto('scim_emails').values(
        Array.from({ length: count }, (_, position) => ({
          integration_id: p.integrationId as string,
          resource_id: p.id as string,
          position,
          value_key: p[`value${position}`] ?? null,
          type_key: p[`type${position}`] ?? null,
        })),
      ),
    );
    insertEmailsQueries.set(count, query);
  }
  return query;
}

const byNameQuery = preparedQuery(
  (db, p: { nameKey: string; integrationId: string; organizationId: string; type: string }) =>
    db
      .selectFrom('scim_resources')
      .selectAll()
      .where('integration_id', '=', p.integrationId)
      .where('organization_id', '=', p.organizationId)
      .where('resource_type', '=', p.type)
      .where('name_key', '=', p.nameKey)
      .where('deleted_at', 'is', null),
);

const groupsOfQuery = preparedQuery((db, p: { memberId: string; integrationId: string }, dialect) =>
  db
    .selectFrom('scim_memberships as m')
    .innerJoin('scim_resources as r', 'r.id', 'm.group_id')
    .select(['m.group_id', dialect.jsonScalar(sql.ref('r.data'), ['displayName']).as('display')])
    .where('m.member_id', '=', p.memberId)
    .where('m.integration_id', '=', p.integrationId)
    .orderBy('m.group_id'),
);

/**
 * The number of matches, when the page itself proves it and no count is needed: a page that ends before
 * its limit is the last one. An index page starting past the end (empty, offset > 0) proves nothing, and
 * neither does a page after a cursor position (the matches before it were not read). Most filtered
 * requests (an IdP's `userName eq` lookup) are answered in one statement this way.
 */
function totalFromPage(page: ListQuery['page'], found: number): number | undefined {
  if (page.kind === 'offset') {
    if (found >= page.limit || (found === 0 && page.offset > 0)) return undefined;
    return page.offset + found;
  }
  if (page.after !== undefined || found > page.limit) return undefined;
  return found;
}

const insertQuery = preparedQuery((db, p: ScimResourcesTable) =>
  db
    .insertInto('scim_resources')
    .values(boundColumns(p, NEW_RESOURCE_COLUMNS))
    // No exception on a taken name, so a PostgreSQL transaction stays usable for the caller's next step.
    .onConflict((c) => c.doNothing())
    .returning('id'),
);

// A user with its groups in one statement (GET /Users/{id}): one row per group, or one row with no group.
const userWithGroupsQuery = preparedQuery(
  (db, p: { id: string; integrationId: string; organizationId: string }, dialect) =>
    db
      .selectFrom('scim_resources as r')
      .leftJoin('scim_memberships as m', (join) =>
        join.onRef('m.member_id', '=', 'r.id').onRef('m.integration_id', '=', 'r.integration_id'),
      )
      .leftJoin('scim_resources as g', 'g.id', 'm.group_id')
      .selectAll('r')
      .select([
        'm.group_id as group_id',
        dialect.jsonScalar(sql.ref('g.data'), ['displayName']).as('group_display'),
      ])
      .where('r.id', '=', p.id)
      .where('r.integration_id', '=', p.integrationId)
      .where('r.organization_id', '=', p.organizationId)
      .where('r.resource_type', '=', 'User')
      .where('r.deleted_at', 'is', null)
      .orderBy('m.group_id'),
);

export function scimResourceRepository(
  db: Kysely<Database>,
  dialect: StoreDialect,
  /** Where scanning list queries run instead of `db` (SQLite: a worker thread, sqlite-reader.ts). */
  reader?: Kysely<Database>,
): ScimResourceRepository {
  const uniqueness = (type: ResourceTypeName, attributes: JsonObject) =>
    new UniquenessError(
      type === 'User'
        ? `userName ${JSON.stringify(attributes.userName)} is already in use in this integration (compared case-insensitively).`
        : `Group displayName ${JSON.stringify(attributes.displayName)} is already in use in this integration.`,
    );

  async function insertMembers(scope: IntegrationScope, groupId: string, members: readonly NewMember[]) {
    const rowsPerStatement = Math.floor(dialect.maxParameters / MEMBERSHIP_COLUMNS / 4);
    for (const batch of chunks(members, rowsPerStatement)) {
      await db
        .insertInto('scim_memberships')
        .values(
          batch.map((m) => ({
            integration_id: scope.integrationId,
            group_id: groupId,
            member_id: m.id,
            member_type: m.type,
          })),
        )
        .onConflict((c) => c.columns(['group_id', 'member_id']).doNothing())
        .execute();
    }
  }

  async function setMembers(scope: IntegrationScope, groupId: string, members: readonly NewMember[]) {
    await db
      .deleteFrom('scim_memberships')
      .where('group_id', '=', groupId)
      .where('integration_id', '=', scope.integrationId)
      .execute();
    await insertMembers(scope, groupId, members);
  }

  /**
   * Keeps the email index rows of a user in step with its attributes (a new user has none to delete;
   * a write that left the emails as they were keeps its rows).
   */
  async function writeEmails(
    scope: IntegrationScope,
    type: ResourceTypeName,
    id: string,
    attributes: JsonObject,
    previous: JsonObject | 'new' | undefined,
  ) {
    if (type !== 'User') return;
    const rows = emailKeys(attributes);
    if (previous !== undefined && previous !== 'new' && sameKeys(rows, emailKeys(previous))) return;
    if (previous !== 'new') await deleteEmailsQuery.affected(db, dialect, { id });
    if (rows.length === 0) return;
    if (rows.length <= PREPARED_EMAIL_ROWS) {
      const parameters: Record<string, string | null> = { integrationId: scope.integrationId, id };
      rows.forEach((row, position) => {
        parameters[`value${position}`] = row.value_key;
        parameters[`type${position}`] = row.type_key;
      });
      await insertEmailsQuery(rows.length).affected(db, dialect, parameters);
      return;
    }
    await db
      .insertInto('scim_emails')
      .values(
        rows.map((row, position) => ({
          integration_id: scope.integrationId,
          resource_id: id,
          position,
          ...row,
        })),
      )
      .execute();
  }

  return {
    setMembers,

    async insert(scope, resource, members, createHash) {
      const row = {
        id: resource.id,
        organization_id: scope.organizationId,
        integration_id: scope.integrationId,
        resource_type: resource.resourceType,
        ...keyColumns(resource.resourceType, resource.attributes),
        data: JSON.stringify(resource.attributes),
        version: resource.version,
        created_at: resource.created,
        last_modified: resource.lastModified,
        create_hash: createHash,
        deleted_at: null,
      };
      const emails = resource.resourceType === 'User' ? emailKeys(resource.attributes) : [];
      if (dialect.supportsWritableCte && emails.length > 0) {
        if (!(await insertResourceWithEmails(db, row, emails))) return false;
      } else {
        if (!(await insertQuery.first(db, dialect, row))) return false;
        await writeEmails(scope, resource.resourceType, resource.id, resource.attributes, 'new');
      }
      await insertMembers(scope, resource.id, members);
      return true;
    },

    async findByName(scope, type, name) {
      const row = await byNameQuery.first(db, dialect, { ...scope, type, nameKey: nameKeyOf(name) });
      return row ? { resource: toStored(row, dialect), createHash: row.create_hash } : undefined;
    },

    async findById(scope, type, id) {
      const row = await byIdQuery.first(db, dialect, { ...scope, type, id });
      return row ? toStored(row, dialect) : undefined;
    },

    async findUserWithGroups(scope, id) {
      const rows = await userWithGroupsQuery.rows(db, dialect, { ...scope, id });
      const first = rows[0];
      return first ? userWithGroupsOf(toStored(first, dialect), rows) : undefined;
    },

    async replace(scope, type, id, attributes, lastModified, members, options = {}) {
      const { expectedVersion, previous } = options;
      let row: ScimResourcesTable | undefined;
      try {
        const changed = changedKeyColumns(type, attributes, previous);
        row = await replaceQuery(Object.keys(changed), expectedVersion !== undefined).first(db, dialect, {
          ...changed,
          ...scope,
          id,
          type,
          data: JSON.stringify(attributes),
          lastModified,
          expectedVersion,
        });
      } catch (error) {
        if (dialect.isUniqueViolation(error)) throw uniqueness(type, attributes);
        throw error;
      }
      if (!row) return undefined;
      await writeEmails(scope, type, id, attributes, previous);
      if (members !== undefined) await setMembers(scope, id, members);
      return toStored(row, dialect);
    },

    async delete(scope, type, id, expectedVersion) {
      let statement = db
        .deleteFrom('scim_resources')
        .where('id', '=', id)
        .where('integration_id', '=', scope.integrationId)
        .where('organization_id', '=', scope.organizationId)
        .where('resource_type', '=', type);
      if (expectedVersion !== undefined) statement = statement.where('version', '=', expectedVersion);
      const result = await statement.executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async touch(scope, type, id, lastModified) {
      const row = await touchQuery.first(db, dialect, { ...scope, type, id, lastModified });
      return row ? toStored(row, dialect) : undefined;
    },

    addMembers(scope, groupId, members) {
      return insertMembers(scope, groupId, members);
    },

    async removeMembers(scope, groupId, memberIds) {
      const removed: NewMember[] = [];
      for (const batch of chunks(memberIds, Math.floor(dialect.maxParameters / 2))) {
        const rows = await db
          .deleteFrom('scim_memberships')
          .where('group_id', '=', groupId)
          .where('integration_id', '=', scope.integrationId)
          .where('member_id', 'in', batch)
          .returning(['member_id', 'member_type'])
          .execute();
        for (const row of rows)
          removed.push({ id: row.member_id, type: row.member_type as ResourceTypeName });
      }
      return removed;
    },

    async liveCounts(scope) {
      // The counters' shards summed per type; the join keeps the read inside the organization.
      const rows = await db
        .selectFrom('scim_resource_counts as c')
        .innerJoin('integrations as i', 'i.id', 'c.integration_id')
        .select(['c.resource_type as type', sql<string | number>`sum(c.live)`.as('n')])
        .where('c.integration_id', '=', scope.integrationId)
        .where('i.organization_id', '=', scope.organizationId)
        .groupBy('c.resource_type')
        .execute();
      const of = (type: ResourceTypeName) => Number(rows.find((row) => row.type === type)?.n ?? 0);
      return { users: of('User'), groups: of('Group') };
    },

    async list(scope, type, query) {
      // A filter that tests every resource must not hold the event loop (issue 14), and ad-hoc filter
      // shapes must not pile up prepared statements on the main connection: off to the reader.
      const source = reader && query.filter && runsOffTheEventLoop(filterCost(query.filter)) ? reader : db;
      // Written as one SQL template rather than a chain of builder calls: a list runs on every IdP
      // lookup (`userName eq ...`), and each builder call clones and freezes the query tree (measured:
      // building and compiling the chain cost more than running the statement; issue 15).
      const filter = query.filter
        ? sql` and (${filterToSql(query.filter, type, dialect, query.baseUrl, scope.integrationId)})`
        : sql``;
      const matches = sql`r.integration_id = ${scope.integrationId} and r.organization_id = ${scope.organizationId}
        and r.resource_type = ${type} and r.deleted_at is null${filter}`;
      // Without a filter the database's counters know the total (a few rows, whatever the directory's
      // size); a filter's matches are counted.
      const counters = query.filter === undefined;
      const liveTotal = sql<string | number | null>`(select sum(c.live) from scim_resource_counts as c
        where c.integration_id = ${scope.integrationId} and c.resource_type = ${type}
        and exists (select 1 from integrations as i where i.id = ${scope.integrationId}
                    and i.organization_id = ${scope.organizationId}))`;
      const count = async () => {
        const total = counters ? liveTotal : sql`(select count(*) from scim_resources as r where ${matches})`;
        const { rows } = await sql<{ n: string | number | null }>`select ${total} as n`.execute(source);
        return Number(rows[0]?.n ?? 0);
      };
      const page = query.page;
      if (page.limit === 0) {
        return {
          totalResults: query.withTotal ? await count() : undefined,
          resources: [],
          keys: [],
          hasMore: false,
        };
      }

      const key = sortKeyExpression(query.sort, type, dialect, query.baseUrl);
      const backward = page.kind === 'keyset' && page.backward;
      const selective = query.filter !== undefined && isSelectiveFilter(query.filter, type);
      const after =
        page.kind === 'keyset' && page.after
          ? sql` and ${keysetCondition(key, page.after, backward)}`
          : sql``;
      // Keyset pages read one row more than asked: it tells whether another page follows.
      const limit =
        page.kind === 'offset'
          ? sql`limit ${rowLimit(page.limit)} offset ${page.offset}`
          : sql`limit ${rowLimit(page.limit + 1)}`;
      // The data as JSON text on both engines: the page splices it into the response (list-resources.ts).
      const { rows: found } = await sql<StoredResourceColumns & { sort_key: unknown; live_total: unknown }>`
        select r.id, r.resource_type, ${dialect.jsonAsText(sql.ref('r.data'))} as data, r.version,
          r.created_at, r.last_modified, ${key.expression} as sort_key,
          ${counters && query.withTotal ? liveTotal : sql`null`} as live_total
        from scim_resources as r
        where ${matches}${after}
        order by ${orderByTerms(key, backward, selective ? dialect.withoutOrderIndex : undefined)}
        ${limit}`.execute(source);
      const hasMore = page.kind === 'keyset' && found.length > page.limit;
      const kept = hasMore ? found.slice(0, page.limit) : found;
      if (backward) kept.reverse();
      // The counters' total rides along with the page: one statement, one round trip.
      const carried = found[0]?.live_total;
      const totalResults = query.withTotal
        ? (totalFromPage(page, found.length) ??
          (carried === null || carried === undefined ? await count() : Number(carried)))
        : undefined;
      return {
        totalResults,
        resources: kept.map((row) => toStored(row, dialect)),
        keys: kept.map((row) => ({ value: sortValue(row.sort_key), id: row.id })),
        attributesText: kept.map((row) => (typeof row.data === 'string' ? row.data : undefined)),
        hasMore,
      };
    },

    async findTypes(scope, ids) {
      const found = new Map<string, ResourceTypeName>();
      // One id (a member add's usual payload): the statement prepared once.
      const [only] = ids;
      if (ids.length === 1 && only !== undefined) {
        const row = await typeByIdQuery.first(db, dialect, { ...scope, id: only });
        if (row) found.set(row.id, row.resource_type as ResourceTypeName);
        return found;
      }
      for (const batch of chunks(ids, Math.floor(dialect.maxParameters / 2))) {
        const rows = await db
          .selectFrom('scim_resources')
          .select(['id', 'resource_type'])
          .where('integration_id', '=', scope.integrationId)
          .where('organization_id', '=', scope.organizationId)
          .where('id', 'in', batch)
          .where('deleted_at', 'is', null)
          .execute();
        for (const row of rows) found.set(row.id, row.resource_type as ResourceTypeName);
      }
      return found;
    },

    async membersOf(scope, groupId) {
      const display = sql<
        string | null
      >`coalesce(${dialect.jsonScalar(sql.ref('r.data'), ['displayName'])}, ${dialect.jsonScalar(sql.ref('r.data'), ['userName'])})`;
      const rows = await db
        .selectFrom('scim_memberships as m')
        .innerJoin('scim_resources as r', 'r.id', 'm.member_id')
        .select(['m.member_id', 'm.member_type', display.as('display')])
        .where('m.group_id', '=', groupId)
        .where('m.integration_id', '=', scope.integrationId)
        .where('r.deleted_at', 'is', null)
        .orderBy('m.member_id')
        .execute();
      return rows.map((row): MemberReference => ({
        value: row.member_id,
        type: row.member_type as ResourceTypeName,
        display: row.display ?? undefined,
      }));
    },

    async otherWithValue(scope, type, path, value, caseExact, exceptId) {
      const wanted = caseExact ? value : value.toLowerCase();
      // No constraint holds a custom attribute's uniqueness (definitions are data, not DDL), so two
      // transactions writing the same value take turns here: the second one's lookup runs after the
      // first commits and sees its row (READ COMMITTED reads a fresh snapshot per statement).
      await dialect.lockKeyForTransaction(
        db as unknown as Kysely<unknown>,
        `scim-unique ${JSON.stringify([scope.integrationId, type, path, wanted])}`,
      );
      const stored = sql`cast(${dialect.jsonScalar(sql.ref('data'), path)} as text)`;
      const compared = caseExact ? stored : dialect.fold(stored);
      const row = await db
        .selectFrom('scim_resources')
        .select('id')
        .where('integration_id', '=', scope.integrationId)
        .where('organization_id', '=', scope.organizationId)
        .where('resource_type', '=', type)
        .where('deleted_at', 'is', null)
        .where('id', '<>', exceptId)
        .where(sql<boolean>`${compared} = ${wanted}`)
        .limit(1)
        .executeTakeFirst();
      return row?.id;
    },
    async findByIds(scope, type, ids) {
      const out: StoredResource[] = [];
      const [only] = ids;
      if (ids.length === 1 && only !== undefined) {
        const row = await byIdQuery.first(db, dialect, { ...scope, type, id: only });
        return row ? [toStored(row, dialect)] : [];
      }
      for (const batch of chunks(ids, 1000)) {
        const rows = await db
          .selectFrom('scim_resources')
          .selectAll()
          .where('integration_id', '=', scope.integrationId)
          .where('organization_id', '=', scope.organizationId)
          .where('resource_type', '=', type)
          .where('id', 'in', batch)
          .where('deleted_at', 'is', null)
          .execute();
        out.push(...rows.map((row) => toStored(row, dialect)));
      }
      return out;
    },

    async groupsOfMany(scope, memberIds) {
      const found = new Map<string, { id: string; displayName: string }[]>();
      // One member (a filter's usual single match) takes the statement prepared once; a page's members
      // one SQL template per batch (a builder chain cost more to build than to run; issue 15).
      if (memberIds.length === 1) {
        const [memberId] = memberIds as [string];
        const rows = await groupsOfQuery.rows(db, dialect, { memberId, integrationId: scope.integrationId });
        if (rows.length > 0)
          found.set(
            memberId,
            rows.map((row) => ({ id: row.group_id, displayName: String(row.display ?? '') })),
          );
        return found;
      }
      const display = dialect.jsonScalar(sql.ref('r.data'), ['displayName']);
      for (const batch of chunks(memberIds, 1000)) {
        const { rows } = await sql<{ member_id: string; group_id: string; display: unknown }>`
          select m.member_id, m.group_id, ${display} as display
          from scim_memberships as m inner join scim_resources as r on r.id = m.group_id
          where m.integration_id = ${scope.integrationId}
            and m.member_id in (${sql.join(batch)})
          order by m.group_id`.execute(db);
        for (const row of rows) {
          const list = found.get(row.member_id) ?? [];
          list.push({ id: row.group_id, displayName: String(row.display ?? '') });
          found.set(row.member_id, list);
        }
      }
      return found;
    },
    async groupsOf(scope, memberId) {
      const rows = await groupsOfQuery.rows(db, dialect, { memberId, integrationId: scope.integrationId });
      return rows.map((row) => ({ id: row.group_id, displayName: String(row.display ?? '') }));
    },
  };
}
