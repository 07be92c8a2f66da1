import type { Kysely } from 'kysely';
import { ensureDefaultOrganization } from '../directory/organizations/ensure-default-organization.js';
import { uuidV7Source } from '../directory/ids/uuid-v7.js';
import type { Clock, IdSource } from '../directory/ports/clock.js';
import type { DirectoryStore } from '../directory/ports/directory-store.js';
import type { Database } from '../store/database-schema.js';
import type { StoreDialect } from '../store/dialect.js';
import { directoryStore } from '../store/directory-store.js';
import { migrateToLatest } from '../store/migrate.js';
import { ensurePostgresSchema } from '../store/postgres/ensure-schema.js';
import { openPostgresPool } from '../store/postgres/open-postgres.js';
import { postgresDialect } from '../store/postgres/postgres-dialect.js';
import { openSqlite, SERVER_BUSY_TIMEOUT_MS } from '../store/sqlite/open-sqlite.js';
import { openSqliteReader } from '../store/sqlite/sqlite-reader.js';
import { sqliteDialect } from '../store/sqlite/sqlite-dialect.js';
import type { Config } from './config.js';

export const systemClock: Clock = { now: () => new Date() };
export const uuidSource: IdSource = uuidV7Source();

export interface OpenedDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  readonly store: DirectoryStore;
}

type DatabaseSettings = Pick<Config, 'database' | 'databasePoolSize' | 'statementTimeoutMs'> &
  Partial<Pick<Config, 'databaseConnectTimeoutMs'>>;

/** The only place that knows which engine is in use. */
export function openDatabase(
  config: DatabaseSettings,
  onPoolError?: (error: Error) => void,
  /** `roster serve`: a short synchronous busy wait (the event loop serves everyone) and the reader thread. */
  serving = false,
): OpenedDatabase {
  const location = config.database;
  if (location.engine === 'postgres') {
    const { db, usage } = openPostgresPool({
      url: location.url,
      poolSize: config.databasePoolSize,
      statementTimeoutMs: config.statementTimeoutMs,
      ...(config.databaseConnectTimeoutMs ? { connectTimeoutMs: config.databaseConnectTimeoutMs } : {}),
      ...(location.schema ? { schema: location.schema } : {}),
      ...(onPoolError ? { onPoolError } : {}),
    });
    return { db, dialect: postgresDialect, store: directoryStore(db, postgresDialect, { poolUsage: usage }) };
  }
  const db = openSqlite(location.file, serving ? { busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS } : {});
  return {
    db,
    dialect: sqliteDialect,
    store: directoryStore(
      db,
      sqliteDialect,
      serving && location.file !== ':memory:' ? { reader: openSqliteReader(location.file) } : {},
    ),
  };
}

/** Creates the configured PostgreSQL schema when it does not exist yet (see ensurePostgresSchema). */
export async function ensureSchema(config: DatabaseSettings, opened: OpenedDatabase): Promise<void> {
  const location = config.database;
  if (location.engine === 'postgres' && location.schema) {
    await ensurePostgresSchema(opened.db as unknown as Kysely<unknown>, location.schema);
  }
}

/**
 * Creates the schema if need be, migrates and makes sure the default organization exists: what every command needs before it runs.
 * Safe when several instances start at once: the migrator takes a lock, and the organization insert
 * is insert-or-nothing.
 */
export async function prepareDatabase(
  config: DatabaseSettings,
  onPoolError?: (error: Error) => void,
  serving = false,
): Promise<OpenedDatabase> {
  const opened = openDatabase(config, onPoolError, serving);
  try {
    await ensureSchema(config, opened);
    await migrateToLatest(opened.db, opened.dialect);
    await ensureDefaultOrganization({ store: opened.store, clock: systemClock, ids: uuidSource });
  } catch (error) {
    await opened.store.close();
    throw error;
  }
  return opened;
}
