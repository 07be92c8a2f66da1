import type { Kysely } from 'kysely';
import { ensureDefaultOrganization } from '../directory/integrations/ensure-default-organization.js';
import { uuidV7Source } from '../directory/ids/uuid-v7.js';
import type { Clock, DirectoryStore, IdSource } from '../directory/ports.js';
import type { Database } from '../store/database-schema.js';
import { sqliteDialect } from '../store/dialect.js';
import { directoryStore } from '../store/directory-store.js';
import { migrateToLatest } from '../store/migrate.js';
import { openSqlite } from '../store/sqlite/open-sqlite.js';
import type { DatabaseLocation } from './config.js';

export const systemClock: Clock = { now: () => new Date() };
export const uuidSource: IdSource = uuidV7Source();

export interface OpenedDatabase {
  readonly db: Kysely<Database>;
  readonly store: DirectoryStore;
}

/** The only place that knows which engine is in use. */
export function openDatabase(location: DatabaseLocation): OpenedDatabase {
  if (location.engine === 'postgres') {
    throw new Error(
      'PostgreSQL support is not available in this version; use ROSTER_DATABASE_URL=sqlite:PATH.',
    );
  }
  const db = openSqlite(location.file);
  return { db, store: directoryStore(db, sqliteDialect) };
}

/** Migrates and makes sure the default organization exists: what every command needs before it runs. */
export async function prepareDatabase(location: DatabaseLocation): Promise<OpenedDatabase> {
  const opened = openDatabase(location);
  await migrateToLatest(opened.db);
  await ensureDefaultOrganization({ store: opened.store, clock: systemClock, ids: uuidSource });
  return opened;
}
