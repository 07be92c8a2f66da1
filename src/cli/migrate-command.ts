import type { Config } from './config.js';
import { ensureSchema, openDatabase } from './open-database.js';
import { migrateToLatest } from '../store/migrate.js';

export async function migrateCommand(config: Config): Promise<void> {
  const opened = openDatabase(config);
  const { db, dialect } = opened;
  try {
    await ensureSchema(config, opened);
    const { applied } = await migrateToLatest(db, dialect);
    console.log(applied.length === 0 ? 'The database is up to date.' : `Applied: ${applied.join(', ')}`);
  } finally {
    await db.destroy();
  }
}
