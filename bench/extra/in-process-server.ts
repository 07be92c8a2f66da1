/**
 * Roster's HTTP app in this process on a fresh SQLite file, with one integration: what the in-process
 * tools (`bench:statements`, `bench:profile`) measure requests against. Its Kysely may carry a plugin
 * (the statement counter).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { pino } from 'pino';
import { createIntegration } from '../../src/directory/integrations/create-integration.js';
import { ensureDefaultOrganization } from '../../src/directory/organizations/ensure-default-organization.js';
import { uuidV7Source } from '../../src/directory/ids/uuid-v7.js';
import { loadCursorSigningKey } from '../../src/directory/scim/cursor-signing-key.js';
import { createSecretCipher, generateSecretKey } from '../../src/directory/secrets/secret-cipher.js';
import { buildApp } from '../../src/http/build-app.js';
import { directoryStore } from '../../src/store/directory-store.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { openSqlite } from '../../src/store/sqlite/open-sqlite.js';
import { sqliteDialect } from '../../src/store/sqlite/sqlite-dialect.js';
import { defaultInputLimits } from '../../src/core/protocol/input-limits.js';

export interface InProcessServer {
  /** One SCIM request to the integration; throws on a 4xx/5xx so a tool never measures an error. */
  send(method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
  /** The same without parsing the answer (what a profile should not count). */
  sendUnparsed(method: string, path: string, body?: unknown): Promise<void>;
  close(): Promise<void>;
}

export async function startInProcessServer(plugin?: KyselyPlugin): Promise<InProcessServer> {
  const dir = mkdtempSync(join(tmpdir(), 'roster-in-process-'));
  const db = openSqlite(join(dir, 'roster.db'));
  const cleanup = async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await migrateToLatest(db, sqliteDialect);
    const store = directoryStore(plugin ? db.withPlugin(plugin) : db, sqliteDialect);
    const clock = { now: () => new Date() };
    const ids = uuidV7Source();
    await ensureDefaultOrganization({ store, clock, ids });
    const { integration, token } = await createIntegration(
      { store, clock, ids },
      { organizationName: 'default', name: 'in-process', idp: 'generic', tokenLifetimeDays: 365 },
    );
    const app = await buildApp({
      store,
      clock,
      ids,
      logger: pino({ level: 'silent' }),
      publicBaseUrl: 'http://127.0.0.1',
      bodyLimitBytes: 1_048_576,
      capabilities: {
        patch: true,
        bulk: { supported: true, maxOperations: 10, maxPayloadSize: 1_048_576 },
        filter: { supported: true, maxResults: 100 },
        sort: true,
        etag: true,
        pagination: { cursor: true, index: true, defaultPageSize: 100, maxPageSize: 100, cursorTimeout: 60 },
        documentationUri: 'http://127.0.0.1/docs',
      },
      scimSettings: {
        pageLimits: { defaultPageSize: 100, maxPageSize: 100 },
        cursorSigningKey: await loadCursorSigningKey({
          store,
          clock,
          cipher: createSecretCipher({ keys: [generateSecretKey()] }),
        }),
        cursorTimeoutSeconds: 60,
        createRetryWindowSeconds: 600,
        bulk: { maxOperations: 10, maxPayloadSize: 1_048_576 },
        inputLimits: defaultInputLimits,
      },
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
