import type { Kysely } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import type { Database } from './database-schema.js';
import { migrations } from './migrations.js';

const provider: MigrationProvider = { getMigrations: async () => migrations };

export interface MigrationReport {
  readonly applied: readonly string[];
}

/** Brings the schema to the latest migration; running it again is a no-op. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

export async function isAtLatestMigration(db: Kysely<Database>): Promise<boolean> {
  const migrator = new Migrator({ db, provider });
  const known = await migrator.getMigrations();
  return known.every((m) => m.executedAt !== undefined);
}
