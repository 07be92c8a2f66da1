import type { Config } from './config.js';
import { openDatabase } from './open-database.js';
import { migrateToLatest } from '../store/migrate.js';

export async function migrateCommand(config: Config): Promise<void> {
  const { db, dialect } = openDatabase(config);
  try {
    const { applied } = await migrateToLatest(db, dialect);
    console.log(applied.length === 0 ? 'The database is up to date.' : `Applied: ${applied.join(', ')}`);
  } finally {
    await db.destroy();
  }
}
