import { sql, type Kysely } from 'kysely';
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
    db,
    provider: provider(dialect),
    ...(schema ? { migrationTableSchema: schema } : {}),
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
