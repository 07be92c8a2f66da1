import { sql, type RawBuilder } from 'kysely';

/**
 * What differs between the storage engines, as capabilities and small SQL builders, so the rest of the
 * store is written once (habit: kysely's DialectAdapter).
 */
export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres';
  /** True when the error is a unique-constraint violation. */
  isUniqueViolation(error: unknown): boolean;
  /** Case folding identical to the in-memory evaluator's `toLowerCase()`. */
  fold(expression: RawBuilder<unknown>): RawBuilder<unknown>;
  /** The JSON value at `path` inside `column`, as SQL text/number/boolean (null when absent). */
  jsonScalar(column: RawBuilder<unknown>, path: readonly string[]): RawBuilder<unknown>;
  /** The JSON value (object/array) at `path`, still JSON. */
  jsonValue(column: RawBuilder<unknown>, path: readonly string[]): RawBuilder<unknown>;
  /** A table source of the elements of the JSON array at `path`, aliased `alias`, element column `value`. */
  jsonArrayElements(column: RawBuilder<unknown>, path: readonly string[], alias: string): RawBuilder<unknown>;
  /** The number of elements of the JSON array at `path` (0 when absent). */
  jsonArrayLength(column: RawBuilder<unknown>, path: readonly string[]): RawBuilder<unknown>;
  /** How a boolean literal compares with a JSON boolean extracted by jsonScalar. */
  booleanParameter(value: boolean): unknown;
  /** Number of bound parameters one statement may carry, with head-room. */
  readonly maxParameters: number;
}

function sqliteJsonPath(path: readonly string[]): string {
  // Attribute names come from the schema (never from client text) but may contain `$` ($ref): quote them.
  return '$' + path.map((p) => `."${p}"`).join('');
}

export const sqliteDialect: StoreDialect = {
  name: 'sqlite',
  isUniqueViolation(error) {
    const code = (error as { code?: unknown } | null)?.code;
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  },
  fold: (expression) => sql`scim_fold(${expression})`,
  jsonScalar: (column, path) => sql`json_extract(${column}, ${sqliteJsonPath(path)})`,
  jsonValue: (column, path) => sql`json_extract(${column}, ${sqliteJsonPath(path)})`,
  jsonArrayElements: (column, path, alias) =>
    sql`json_each(${column}, ${sqliteJsonPath(path)}) as ${sql.raw(alias)}`,
  jsonArrayLength: (column, path) => sql`coalesce(json_array_length(${column}, ${sqliteJsonPath(path)}), 0)`,
  booleanParameter: (value) => (value ? 1 : 0),
  maxParameters: 30000,
};
