import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from './database-schema.js';
import type { StoreDialect } from './dialect.js';
import { deferrableWrite } from './deferred-writes.js';

/**
 * A hot statement built and compiled once per engine, then run with fresh parameters. Kysely otherwise
 * rebuilds and recompiles the same query tree on every call: a CPU profile of `GET /Users/{id}` spent
 * about a sixth of the request there (issue 15), and on SQLite the statement cache then looked the
 * prepared statement up by a freshly built SQL string. This is Kysely's own "split building and
 * execution" recipe (`db.executeQuery(compiled)`), with named parameters.
 *
 * The builder receives placeholders in place of parameter values; the compiled SQL keeps their
 * positions, and each run substitutes the values. A placeholder must be used as a bound value (a
 * `where` operand, a `values` field, a `limit`), never spliced into SQL text. Only query shapes
 * that do not depend on the values can be prepared: an `in` list of varying length cannot.
 *
 * The compiled form is cached per store dialect: the SQL text depends only on the engine (PostgreSQL
 * schemas are chosen by search_path, not by the SQL), and transactions run it unchanged. Plugins that
 * rewrite queries (`withPlugin`) see the query when it is compiled, once; their result hooks see every
 * run.
 */
export interface PreparedQuery<P, R> {
  /** All rows of one run. */
  rows(db: Kysely<Database>, dialect: StoreDialect, parameters: P): Promise<R[]>;
  /** The first row of one run, if any. */
  first(db: Kysely<Database>, dialect: StoreDialect, parameters: P): Promise<R | undefined>;
  /** Rows affected by a write without RETURNING. */
  affected(db: Kysely<Database>, dialect: StoreDialect, parameters: P): Promise<number>;
}

/** Kysely's builders compile by themselves; a raw `sql` template needs the Kysely instance. */
type CompilableAgainst<R> = { compile(db: Kysely<Database>): CompiledQuery<R> };

type Slot = { readonly name: string } | { readonly value: unknown };

const PLACEHOLDER_PREFIX = '\u0000roster-parameter:';

/** The SQL of every statement compiled here: PostgreSQL prepares exactly these per connection. */
const compiledTexts = new Set<string>();

/** True for the SQL text of a statement compiled once (server-prepared-statements.ts). */
export function isCompiledOnce(text: string): boolean {
  return compiledTexts.has(text);
}

export function preparedQuery<P extends object, R>(
  /** A query builder, or a raw `sql` template (compiled against `db`). */
  build: (db: Kysely<Database>, parameters: P, dialect: StoreDialect) => CompilableAgainst<R>,
  /**
   * `deferrable`: a write whose answer its callers neither read nor map to an error of their own; inside
   * a transaction it may be sent without waiting (deferred-writes.ts).
   */
  options: { readonly deferrable?: boolean } = {},
): PreparedQuery<P, R> {
  const compiled = new WeakMap<StoreDialect, { query: CompiledQuery<R>; slots: readonly Slot[] }>();

  const compiledFor = (db: Kysely<Database>, dialect: StoreDialect) => {
    const cached = compiled.get(dialect);
    if (cached) return cached;
    const used = new Set<string>();
    const placeholders = new Proxy({} as P, {
      get: (_target, name) => {
        if (typeof name !== 'string') return undefined;
        used.add(name);
        return `${PLACEHOLDER_PREFIX}${name}`;
      },
    });
    const query = build(db, placeholders, dialect).compile(db);
    const slots = query.parameters.map((value): Slot =>
      typeof value === 'string' && value.startsWith(PLACEHOLDER_PREFIX)
        ? { name: value.slice(PLACEHOLDER_PREFIX.length) }
        : { value },
    );
    const bound = new Set(slots.flatMap((slot) => ('name' in slot ? [slot.name] : [])));
    const spliced = [...used].filter((name) => !bound.has(name));
    if (spliced.length > 0 || query.sql.includes(PLACEHOLDER_PREFIX)) {
      throw new Error(`Prepared query parameters not bound as values: ${spliced.join(', ')}`);
    }
    compiledTexts.add(query.sql);
    if (options.deferrable) deferrableWrite(query.sql);
    const entry = { query, slots };
    compiled.set(dialect, entry);
    return entry;
  };

  const run = (db: Kysely<Database>, dialect: StoreDialect, parameters: P) => {
    const { query, slots } = compiledFor(db, dialect);
    const values = slots.map((slot) =>
      'name' in slot ? (parameters as Record<string, unknown>)[slot.name] : slot.value,
    );
    return db.executeQuery<R>({ ...query, parameters: values });
  };

  return {
    rows: async (db, dialect, parameters) => (await run(db, dialect, parameters)).rows,
    first: async (db, dialect, parameters) => (await run(db, dialect, parameters)).rows[0],
    affected: async (db, dialect, parameters) =>
      Number((await run(db, dialect, parameters)).numAffectedRows ?? 0n),
  };
}

/**
 * The named columns of a row of placeholders, for `values(...)` and `set(...)`: Kysely reads a row's
 * own keys, and the placeholders object has none until each is asked for.
 */
export function boundColumns<T, K extends keyof T>(parameters: T, columns: readonly K[]): Pick<T, K> {
  return Object.fromEntries(columns.map((column) => [column, parameters[column]])) as Pick<T, K>;
}
