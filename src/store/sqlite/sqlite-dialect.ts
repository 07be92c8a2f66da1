import { sql } from 'kysely';
import { errorCode, type StoreDialect } from '../dialect.js';

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, …), and a locked shared-cache table. */
function isBusy(error: unknown): boolean {
  const code = errorCode(error);
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

function jsonPath(path: readonly string[]): string {
  // Attribute names come from the schema (never from client text) but may contain `$` ($ref): quote them.
  return '$' + path.map((p) => `."${p}"`).join('');
}

export const sqliteDialect: StoreDialect = {
  name: 'sqlite',
  hasSchemas: false,
  supportsSkipLocked: false,
  supportsWritableCte: false,
  jsonColumnType: 'text',
  rebuildsTablesToChangeConstraints: true,
  maxParameters: 30000,
  // PRAGMA optimize re-analyzes only tables whose size changed a lot since the last analysis.
  lockKeyForTransaction: async () => {},
  refreshStatistics: async (db) => {
    await sql`pragma optimize`.execute(db);
  },
  isUniqueViolation(error) {
    const code = errorCode(error);
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  },
  // One writer at a time: a transaction that meets another process's write lock waits briefly
  // (busy_timeout, a synchronous spin on the event loop, so short) and is then run again after an
  // asynchronous pause, for up to retryTransactionsForMs, while every other request goes on.
  isRetryableTransactionError: (error) => isBusy(error),
  retryTransactionsForMs: 5000,
  isTransientFailure: (error) => isBusy(error),
  parseJson: (value) => JSON.parse(String(value)) as Record<string, unknown>,
  jsonAsText: (column) => column,
  jsonTextList: (json) => sql`(select value from json_each(${json}))`,
  jsonTextRows: (json, alias) => sql`json_each(${json}) as ${sql.id(alias)}`,
  jsonRecords: (json, alias, columns) =>
    sql`(select ${sql.join(
      columns.map((c) => sql`json_extract(value, ${jsonPath([c])}) as ${sql.id(c)}`),
    )} from json_each(${json})) as ${sql.id(alias)}`,
  // scim_fold is registered on every connection in open-sqlite.ts (SQLite's lower() is ASCII-only).
  fold: (expression) => sql`scim_fold(${expression})`,
  jsonScalar: (column, path) => sql`json_extract(${column}, ${jsonPath(path)})`,
  jsonValue: (column, path) => sql`json_extract(${column}, ${jsonPath(path)})`,
  jsonArrayElements: (column, path, alias) =>
    sql`json_each(${column}, ${jsonPath(path)}) as ${sql.raw(alias)}`,
  primaryElementValue: (column, path, sub) =>
    sql`(select json_extract(p.value, ${jsonPath([sub])}) from json_each(${column}, ${jsonPath(path)}) as p order by coalesce(json_extract(p.value, '$.primary'), 0) desc, p.key limit 1)`,
  // json_each already yields a string element as SQL text.
  elementText: (elementValue) => elementValue,
  jsonArrayLength: (column, path) => sql`coalesce(json_array_length(${column}, ${jsonPath(path)}), 0)`,
  // json_extract already yields a JSON number as an SQL integer or real.
  numeric: (expression) => expression,
  booleanParameter: (value) => (value ? 1 : 0),
  // SQLite's default BINARY collation compares UTF-8 bytes: code-point order already.
  codePointOrder: (expression) => expression,
  emailRowsOfAllUsers: () =>
    sql`select r.integration_id, r.id, e.key, scim_fold(json_extract(e.value, '$.value')), scim_fold(json_extract(e.value, '$.type')) from scim_resources as r, json_each(r.data, '$.emails') as e where r.resource_type = 'User' and json_type(r.data, '$.emails') = 'array'`,
  // SQLite's documented hint: a unary + makes a term unusable for index ordering.
  withoutOrderIndex: (expression) => sql`+${expression}`,
  contains: (haystack, needle) => sql`instr(${haystack}, ${needle}) > 0`,
  startsWith: (text, prefix, length) => sql`substr(${text}, 1, ${length}) = ${prefix}`,
  endsWith: (text, suffix, length) => sql`substr(${text}, ${-length}) = ${suffix}`,
};
