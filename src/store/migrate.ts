import { sql, type DatabaseIntrospector, type Kysely } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import type { Database } from './database-schema.js';
import { migrations } from './migrations.js';

import type { StoreDialect } from './dialect.js';

function provider(dialect: StoreDialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}

/**
 * Kysely looks for its bookkeeping tables across every schema it can see; pin them to the schema in
 * use, so databases that hold several Roster schemas (tests, staging beside production) stay apart.
 */
async function migrator(db: Kysely<Database>, dialect: StoreDialect): Promise<Migrator> {
  if (!dialect.hasSchemas) return new Migrator({ db, provider: provider(dialect) });
  const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const schema = result.rows[0]?.schema;
  return new Migrator({
    db: withSchemaIntrospection(db, schema ?? 'public'),
    provider: provider(dialect),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

/**
 * Kysely's migrator asks the introspector for every column of every table of every schema it can see,
 * only to learn whether its own two tables exist. That is slow on a database with many schemas, and it
 * fails outright when another schema is dropped during the query (`has_schema_privilege` on a schema
 * that no longer exists): several Roster installations or test runs share one database. The migrator
 * is handed an introspector that looks at the schema in use only.
 */
function withSchemaIntrospection(db: Kysely<Database>, schema: string): Kysely<Database> {
  const introspection: DatabaseIntrospector = {
    async getSchemas() {
      const rows = await sql<{
        name: string;
      }>`select nspname as name from pg_catalog.pg_namespace where nspname = ${schema}`.execute(db);
      return rows.rows;
    },
    async getTables() {
      const rows = await sql<{
        name: string;
      }>`select tablename as name from pg_catalog.pg_tables where schemaname = ${schema}`.execute(db);
      return rows.rows.map((row) => ({
        name: row.name,
        schema,
        isView: false,
        isForeign: false,
        columns: [],
      }));
    },
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspection;
      const value: unknown = Reflect.get(target, property, target);
      // Kysely keeps its state in private fields: its methods must run on the real instance.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export interface MigrationReport {
  readonly applied: readonly string[];
}

/**
 * Brings the schema to the latest migration; running it again is a no-op. A database already migrated
 * by a newer Roster (during a rolling upgrade, every migration of this build applied plus later ones)
 * is left as it is: migrations only add, so this build keeps working on it.
 */
export async function migrateToLatest(db: Kysely<Database>, dialect: StoreDialect): Promise<MigrationReport> {
  const runner = await migrator(db, dialect);
  const known = await runner.getMigrations().catch(() => undefined);
  if (known && known.every((m) => m.executedAt !== undefined)) return { applied: [] };
  const { error, results } = await runner.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

export async function isAtLatestMigration(db: Kysely<Database>, dialect: StoreDialect): Promise<boolean> {
  const known = await (await migrator(db, dialect)).getMigrations();
  return known.every((m) => m.executedAt !== undefined);
}
