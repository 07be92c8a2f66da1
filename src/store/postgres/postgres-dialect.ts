import { sql } from 'kysely';
import { errorCode, type StoreDialect } from '../dialect.js';
import { isDeferredWriteFailure } from '../deferred-writes.js';
import { isPostgresConnectionLost } from './connection-lost.js';
import { isStalePreparedStatement } from './server-prepared-statements.js';

/** A text[] path literal for #> and #>>, bound as a parameter. */
function jsonPath(path: readonly string[]) {
  return sql`cast(${[...path]} as text[])`;
}

/**
 * PostgreSQL SQLSTATEs that mean "not now" rather than "never", besides a connection that is gone or never
 * came (connection-lost.ts): 57014 query_canceled (statement_timeout), 55P03 lock_not_available,
 * 40001/40P01 once retries are spent, 53xxx insufficient resources (too many connections).
 */
const TRANSIENT_SQLSTATES: ReadonlySet<string> = new Set(['57014', '55P03', '40001', '40P01']);

function isTransientFailure(error: unknown): boolean {
  if (isPostgresConnectionLost(error) || isStalePreparedStatement(error)) return true;
  const code = errorCode(error);
  return typeof code === 'string' && (TRANSIENT_SQLSTATES.has(code) || /^53[0-9A-Z]{3}$/.test(code));
}

export const postgresDialect: StoreDialect = {
  name: 'postgres',
  hasSchemas: true,
  supportsSkipLocked: true,
  supportsWritableCte: true,
  jsonColumnType: 'jsonb',
  rebuildsTablesToChangeConstraints: false,
  maxParameters: 60000,
  // Autovacuum analyzes eventually (its naptime is a minute); after a bulk load the planner would meanwhile
  // pick the wrong index (measured: 44 ms instead of 0.1 ms for userName eq at 50k users). Tables much
  // changed since their last analysis are analyzed now.
  lockKeyForTransaction: async (db, key) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(db);
  },
  refreshStatistics: async (db) => {
    const stale = await sql<{
      name: string;
    }>`select relname as name from pg_stat_user_tables where schemaname = current_schema() and n_mod_since_analyze > greatest(1000, 0.1 * n_live_tup)`.execute(
      db,
    );
    for (const { name } of stale.rows) await sql`analyze ${sql.id(name)}`.execute(db);
  },
  // A deferred write's failure surfacing at a later statement is not that statement's conflict.
  isUniqueViolation: (error) => errorCode(error) === '23505' && !isDeferredWriteFailure(error),
  // serialization_failure and deadlock_detected: the whole transaction may run again.
  isRetryableTransactionError: (error) => errorCode(error) === '40001' || errorCode(error) === '40P01',
  retryTransactionsForMs: 0,
  isTransientFailure,
  parseJson: (value) => (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>,
  // jsonb's text form: spaced, keys in jsonb's order (which JSON.parse of it keeps).
  jsonAsText: (column) => sql`${column}::text`,
  jsonTextList: (json) => sql`(select jsonb_array_elements_text(cast(${json} as jsonb)))`,
  jsonTextRows: (json, alias) =>
    sql`jsonb_array_elements_text(cast(${json} as jsonb)) as ${sql.id(alias)}(value)`,
  jsonRecords: (json, alias, columns) =>
    sql`jsonb_to_recordset(cast(${json} as jsonb)) as ${sql.id(alias)}(${sql.join(
      columns.map((c) => sql`${sql.id(c)} text`),
    )})`,
  // The database's ctype is UTF-8 aware (C.UTF-8 or a language locale), so lower() folds like toLowerCase().
  fold: (expression) => sql`lower(${expression})`,
  jsonScalar: (column, path) => sql`(${column} #>> ${jsonPath(path)})`,
  jsonValue: (column, path) => sql`(${column} #> ${jsonPath(path)})`,
  jsonArrayElements: (column, path, alias) =>
    sql`jsonb_array_elements(case when jsonb_typeof(${column} #> ${jsonPath(path)}) = 'array' then ${column} #> ${jsonPath(path)} else '[]'::jsonb end) as ${sql.raw(alias)}(value)`,
  primaryElementValue: (column, path, sub) =>
    sql`(select p.value #>> ${jsonPath([sub])} from jsonb_array_elements(case when jsonb_typeof(${column} #> ${jsonPath(path)}) = 'array' then ${column} #> ${jsonPath(path)} else '[]'::jsonb end) with ordinality as p(value, n) order by (p.value ->> 'primary') = 'true' desc nulls last, p.n limit 1)`,
  elementText: (elementValue) => sql`(${elementValue} #>> '{}')`,
  jsonArrayLength: (column, path) =>
    sql`(case when jsonb_typeof(${column} #> ${jsonPath(path)}) = 'array' then jsonb_array_length(${column} #> ${jsonPath(path)}) else 0 end)`,
  // #>> yields text; numbers compare and sort as numbers ("10" > "9").
  numeric: (expression) => sql`(${expression})::numeric`,
  booleanParameter: (value) => (value ? 'true' : 'false'),
  codePointOrder: (expression) => sql`(${expression} collate "C")`,
  emailRowsOfAllUsers: () =>
    sql`select r.integration_id, r.id, e.n - 1, lower(e.value ->> 'value'), lower(e.value ->> 'type') from scim_resources as r cross join lateral jsonb_array_elements(case when jsonb_typeof(r.data -> 'emails') = 'array' then r.data -> 'emails' else '[]'::jsonb end) with ordinality as e(value, n) where r.resource_type = 'User'`,
  // PostgreSQL's statistics already pick the selective index.
  withoutOrderIndex: (expression) => expression,
  contains: (haystack, needle) => sql`strpos(${haystack}, ${needle}) > 0`,
  startsWith: (text, prefix, length) => sql`left(${text}, ${length}) = ${prefix}`,
  endsWith: (text, suffix, length) => sql`right(${text}, ${length}) = ${suffix}`,
};
