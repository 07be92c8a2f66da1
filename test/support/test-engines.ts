import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../../src/store/database-schema.js';
import type { StoreDialect } from '../../src/store/dialect.js';
import type { PoolUsage } from '../../src/directory/ports/directory-store.js';
import { openPostgresPool } from '../../src/store/postgres/open-postgres.js';
import { postgresDialect } from '../../src/store/postgres/postgres-dialect.js';
import { openSqlite, SERVER_BUSY_TIMEOUT_MS } from '../../src/store/sqlite/open-sqlite.js';
import { openSqliteReader } from '../../src/store/sqlite/sqlite-reader.js';
import { sqliteDialect } from '../../src/store/sqlite/sqlite-dialect.js';

export interface TestDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  /** PostgreSQL: the pool's usage, as `roster serve` hands it to the store. */
  readonly poolUsage?: () => PoolUsage;
  /** SQLite: the worker-thread reader scanning list queries run on, as `roster serve` has it. */
  readonly reader?: Kysely<Database>;
  /** The ROSTER_DATABASE_URL a server process would use to reach the same data. */
  readonly databaseUrl: string;
  /** Extra environment a server process needs to see the same data (PostgreSQL: the schema). */
  readonly processEnv: Record<string, string>;
  /** Destroys the connection and removes the database, schema or files. */
  dispose(): Promise<void>;
}

export interface TestEngine {
  readonly name: 'sqlite' | 'postgres';
  /** `statementTimeoutMs`: PostgreSQL's statement_timeout for the test's connections (default 30 s). */
  open(options?: { statementTimeoutMs?: number }): Promise<TestDatabase>;
}

const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

const sqliteEngine: TestEngine = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'roster-test-'));
    const file = join(dir, 'roster.db');
    // As `roster serve` opens it: a short synchronous busy wait.
    const db = openSqlite(file, { busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS });
    const reader = openSqliteReader(file);
    return {
      db,
      reader,
      dialect: sqliteDialect,
      databaseUrl: `sqlite:${file}`,
      processEnv: {},
      async dispose() {
        await reader.destroy();
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

function postgresEngine(url: string): TestEngine {
  return {
    name: 'postgres',
    async open(options = {}) {
      // Each test database is its own schema in the shared test database, dropped afterwards.
      const schema = `roster_t_${randomBytes(6).toString('hex')}`;
      const dataDir = mkdtempSync(join(tmpdir(), 'roster-pg-data-'));
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      await admin.end();
      const { db, usage } = openPostgresPool({
        url,
        poolSize: 10,
        statementTimeoutMs: options.statementTimeoutMs ?? 30_000,
        schema,
      });
      return {
        db,
        poolUsage: usage,
        dialect: postgresDialect,
        databaseUrl: url,
        // Files a server writes for itself (generated secret key, bootstrap admin key) go with the schema.
        processEnv: { ROSTER_DATABASE_SCHEMA: schema, ROSTER_DATA_DIR: dataDir },
        async dispose() {
          await db.destroy();
          const cleanup = new pg.Client({ connectionString: url });
          await cleanup.connect();
          await cleanup.query(`drop schema if exists ${schema} cascade`);
          await cleanup.end();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  };
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * SQLite always; PostgreSQL when ROSTER_TEST_POSTGRES_URL is set (then it must be reachable: CI relies
 * on it) or when one answers at the default local address.
 */
async function detectEngines(): Promise<TestEngine[]> {
  const configured = process.env.ROSTER_TEST_POSTGRES_URL;
  if (configured) {
    if (!(await reachable(configured))) {
      throw new Error(`ROSTER_TEST_POSTGRES_URL is set but PostgreSQL does not answer at ${configured}`);
    }
    return [sqliteEngine, postgresEngine(configured)];
  }
  return (await reachable(DEFAULT_POSTGRES_URL))
    ? [sqliteEngine, postgresEngine(DEFAULT_POSTGRES_URL)]
    : [sqliteEngine];
}

export const testEngines: readonly TestEngine[] = await detectEngines();
export const postgresTestEngine: TestEngine | undefined = testEngines.find((e) => e.name === 'postgres');
