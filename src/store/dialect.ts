import type { Kysely, RawBuilder } from 'kysely';

/**
 * What differs between the storage engines, as capabilities and small SQL builders, so the rest of the
 * store is written once (habit: kysely's DialectAdapter). Implementations: sqlite/sqlite-dialect.ts and
 * postgres/postgres-dialect.ts.
 */
export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres';
  /** True when tables live in named schemas (PostgreSQL's search_path). */
  readonly hasSchemas: boolean;
  /** Row locks that skip rows other transactions hold (FOR UPDATE SKIP LOCKED). */
  readonly supportsSkipLocked: boolean;
  /** A WITH clause may hold an INSERT … RETURNING that the main statement reads (PostgreSQL). */
  readonly supportsWritableCte: boolean;
  /** Column type for JSON documents in migrations. */
  readonly jsonColumnType: 'text' | 'jsonb';
  /** Table constraints cannot be dropped in place; migrations rebuild the table (SQLite). */
  readonly rebuildsTablesToChangeConstraints: boolean;
  /** Number of bound parameters one statement may carry, with head-room. */
  readonly maxParameters: number;
  /**
   * Holds a lock on `key` until the current transaction ends, so concurrent transactions checking the
   * same value take turns (PostgreSQL: an advisory lock on the key's hash). SQLite has one writer at a
   * time, so it holds nothing.
   */
  lockKeyForTransaction(db: Kysely<unknown>, key: string): Promise<void>;
  /** Refreshes planner statistics where the engine does not do it by itself. */
  refreshStatistics(db: Kysely<unknown>): Promise<void>;
  /** True when the error is a unique-constraint violation. */
  isUniqueViolation(error: unknown): boolean;
  /** True when a transaction failed only because of concurrency and may be run again as a whole. */
  isRetryableTransactionError(error: unknown): boolean;
  /**
   * How long a transaction keeps being retried (asynchronously, with backoff) while it fails that way,
   * in addition to a few attempts. SQLite: another process holds the write lock, and the connection's
   * busy_timeout is kept short so the event loop never spins long (open-sqlite.ts).
   */
  readonly retryTransactionsForMs: number;
  /** True when the engine could not do the work now but may soon (see DirectoryStore.isTransientFailure). */
  isTransientFailure(error: unknown): boolean;
  /** Turns a JSON column value as the driver returns it into an object. */
  parseJson(value: unknown): Record<string, unknown>;
  /**
   * A JSON column selected as JSON text, which the driver hands over unparsed (PostgreSQL's jsonb would
   * be parsed by node-postgres): for rows whose text is spliced into a response as it is.
   */
  jsonAsText(column: RawBuilder<unknown>): RawBuilder<unknown>;
  /**
   * The strings of a JSON array bound as one parameter (`json`: JSON text), as a parenthesised
   * subquery for `x in ...`: a list of any length in a statement whose text does not depend on it, so
   * it is prepared once and, on PostgreSQL, may be deferred (deferred-writes.ts).
   */
  jsonTextList(json: unknown): RawBuilder<unknown>;
  /**
   * The same strings as a table source aliased `alias`, one row per string in its column `value`: for a
   * join that must walk the list rather than test every row of a table against it.
   */
  jsonTextRows(json: unknown, alias: string): RawBuilder<unknown>;
  /**
   * The objects of a JSON array bound as one parameter, as a table source aliased `alias` with these
   * text columns (each object's members of the same names): many rows in one fixed statement text.
   */
  jsonRecords(json: unknown, alias: string, columns: readonly string[]): RawBuilder<unknown>;
  /** Case folding with the same result as the in-memory evaluator's `toLowerCase()`. */
  fold(expression: RawBuilder<unknown>): RawBuilder<unknown>;
  /** The JSON value at `path` inside `column`, as SQL text (booleans as the dialect's boolean parameter). */
  jsonScalar(column: RawBuilder<unknown>, path: readonly string[]): RawBuilder<unknown>;
  /** The JSON value (object or array) at `path`, still JSON. */
  jsonValue(column: RawBuilder<unknown>, path: readonly string[]): RawBuilder<unknown>;
  /** A table source of the elements of the JSON array at `path`, aliased `alias`, element column `value`. */
  jsonArrayElements(column: RawBuilder<unknown>, path: readonly string[], alias: string): RawBuilder<unknown>;
  /** `sub` of the element of the JSON array at `path` marked primary, else of the first element. */
  primaryElementValue(column: RawBuilder<unknown>, path: readonly string[], sub: string): RawBuilder<unknown>;
  /** The text of a string element produced by jsonArrayElements (its `value` column). */
  elementText(elementValue: RawBuilder<unknown>): RawBuilder<unknown>;
  /** The number of elements of the JSON array at `path` (0 when absent). */
  jsonArrayLength(column: RawBuilder<unknown>, path: readonly string[]): RawBuilder<unknown>;
  /** A JSON number extracted by jsonScalar, as an SQL number (integer and decimal attributes compare and sort numerically). */
  numeric(expression: RawBuilder<unknown>): RawBuilder<unknown>;
  /** How a boolean literal compares with a JSON boolean extracted by jsonScalar. */
  booleanParameter(value: boolean): unknown;
  /** The expression under code-point (binary UTF-8) ordering, whatever the database's collation. */
  codePointOrder(expression: RawBuilder<unknown>): RawBuilder<unknown>;
  /** SELECT of (integration_id, resource_id, position, value_key, type_key) for every stored user email. */
  emailRowsOfAllUsers(): RawBuilder<unknown>;
  /** The expression in ORDER BY without letting the planner pick an index for the order. */
  withoutOrderIndex(expression: RawBuilder<unknown>): RawBuilder<unknown>;
  /** Substring tests; lengths are in code points. */
  contains(haystack: RawBuilder<unknown>, needle: unknown): RawBuilder<unknown>;
  startsWith(text: RawBuilder<unknown>, prefix: unknown, length: number): RawBuilder<unknown>;
  endsWith(text: RawBuilder<unknown>, suffix: unknown, length: number): RawBuilder<unknown>;
}

export function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}
