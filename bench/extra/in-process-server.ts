/**
 * Roster's HTTP app in this process on a fresh database, with one integration: what the in-process
 * tools (`bench:statements`, `bench:profile`) measure requests against. Its Kysely may carry a plugin
 * (the statement counter). The database is a fresh SQLite file, or with `BENCH_ENGINE=postgres` a fresh
 * schema in the database `BENCH_POSTGRES_URL` names (default postgres://postgres@127.0.0.1:5432/test),
 * dropped at the end: PostgreSQL's round trips and driver cost show up only there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type KyselyPlugin } from 'kysely';
import { pino } from 'pino';
import { createIntegration } from '../../src/directory/integrations/create-integration.js';
import { ensureDefaultOrganization } from '../../src/directory/organizations/ensure-default-organization.js';
import { uuidV7Source } from '../../src/directory/ids/uuid-v7.js';
import { loadCursorSigningKey } from '../../src/directory/scim/cursor-signing-key.js';
import { createSecretCipher, generateSecretKey } from '../../src/directory/secrets/secret-cipher.js';
import { buildApp } from '../../src/http/build-app.js';
import { directoryStore } from '../../src/store/directory-store.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import type { Database } from '../../src/store/database-schema.js';
import type { StoreDialect } from '../../src/store/dialect.js';
import { openPostgres } from '../../src/store/postgres/open-postgres.js';
import { postgresDialect } from '../../src/store/postgres/postgres-dialect.js';
import { openSqlite } from '../../src/store/sqlite/open-sqlite.js';
import { sqliteDialect } from '../../src/store/sqlite/sqlite-dialect.js';
import { loadConfig } from '../../src/cli/config.js';
import { scimCapabilities, scimSettings } from '../../src/cli/scim-service-settings.js';

export interface InProcessServer {
  /** One SCIM request to the integration; throws on a 4xx/5xx so a tool never measures an error. */
  send(method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
  /** The same without parsing the answer (what a profile should not count). */
  sendUnparsed(method: string, path: string, body?: unknown): Promise<void>;
  close(): Promise<void>;
}

interface BenchDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: StoreDialect;
  dispose(): Promise<void>;
}

/** The engine `BENCH_ENGINE` names: a fresh SQLite file, or a fresh PostgreSQL schema. */
async function openBenchDatabase(): Promise<BenchDatabase> {
  const engine = process.env.BENCH_ENGINE ?? 'sqlite';
  if (engine === 'postgres') {
    const url = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const schema = `bench_${randomBytes(6).toString('hex')}`;
    const admin = openPostgres({ url, poolSize: 1, statementTimeoutMs: 30_000 });
    await sql`create schema ${sql.id(schema)}`.execute(admin);
    // 16 connections, like `roster serve`'s default pool and the bench's load.
    const db = openPostgres({ url, poolSize: 16, statementTimeoutMs: 30_000, schema });
    return {
      db,
      dialect: postgresDialect,
      async dispose() {
        await db.destroy();
        await sql`drop schema ${sql.id(schema)} cascade`.execute(admin);
        await admin.destroy();
      },
    };
  }
  if (engine !== 'sqlite') throw new Error(`BENCH_ENGINE must be sqlite or postgres, not ${engine}`);
  const dir = mkdtempSync(join(tmpdir(), 'roster-in-process-'));
  const db = openSqlite(join(dir, 'roster.db'));
  return {
    db,
    dialect: sqliteDialect,
    async dispose() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startInProcessServer(plugin?: KyselyPlugin): Promise<InProcessServer> {
  const { db, dialect, dispose: cleanup } = await openBenchDatabase();
  try {
    await migrateToLatest(db, dialect);
    const store = directoryStore(plugin ? db.withPlugin(plugin) : db, dialect);
    const clock = { now: () => new Date() };
    const ids = uuidV7Source();
    await ensureDefaultOrganization({ store, clock, ids });
    const { integration, token } = await createIntegration(
      { store, clock, ids },
      { organizationName: 'default', name: 'in-process', idp: 'generic', tokenLifetimeDays: 365 },
    );
    // The settings `roster serve` runs with by default (page sizes, bulk and input limits, retry window).
    const config = loadConfig({});
    const app = await buildApp({
      store,
      clock,
      ids,
      logger: pino({ level: 'silent' }),
      publicBaseUrl: 'http://127.0.0.1',
      bodyLimitBytes: config.bodyLimitBytes,
      capabilities: scimCapabilities(config),
      scimSettings: scimSettings(
        config,
        await loadCursorSigningKey({
          store,
          clock,
          cipher: createSecretCipher({ keys: [generateSecretKey()] }),
        }),
      ),
    });
    const inject = async (method: string, path: string, body: unknown) => {
      const response = await app.inject({
        method: method as 'GET',
        url: `/scim/v2/${integration.id}${path}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
      if (response.statusCode >= 400)
        throw new Error(`${method} ${path}: ${response.statusCode} ${response.body}`);
      return response;
    };
    return {
      async send(method, path, body) {
        const response = await inject(method, path, body);
        return (response.body === '' ? {} : response.json()) as Record<string, unknown>;
      },
      async sendUnparsed(method, path, body) {
        await inject(method, path, body);
      },
      async close() {
        await app.close();
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** A user shaped like the bench's: userName, externalId, displayName, a work email. */
export function sampleUser(n: number): Record<string, unknown> {
  return {
    userName: `user${n}@example.com`,
    externalId: `ext-${n}`,
    displayName: `User ${n}`,
    emails: [{ value: `user${n}@example.com`, type: 'work', primary: true }],
  };
}

export function patchOperation(operation: unknown): Record<string, unknown> {
  return { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [operation] };
}
