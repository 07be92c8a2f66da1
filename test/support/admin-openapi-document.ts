import { pino } from 'pino';
import { ensureDefaultOrganization } from '../../src/directory/organizations/ensure-default-organization.js';
import { buildApp } from '../../src/http/build-app.js';
import { directoryStore } from '../../src/store/directory-store.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { ids, TestClock, testCapabilities, testScimSettings } from './roster-harness.js';
import type { TestEngine } from './test-engines.js';

/** The admin API's OpenAPI document exactly as a running server serves it at /api/v1/openapi.json. */
export async function adminOpenApiDocument(engine: TestEngine): Promise<Record<string, unknown>> {
  const database = await engine.open();
  try {
    await migrateToLatest(database.db, database.dialect);
    const store = directoryStore(database.db, database.dialect);
    const clock = new TestClock();
    await ensureDefaultOrganization({ store, clock, ids });
    const app = await buildApp({
      store,
      clock,
      ids,
      logger: pino({ level: 'silent' }),
      publicBaseUrl: 'http://127.0.0.1',
      bodyLimitBytes: 1_048_576,
      capabilities: testCapabilities,
      scimSettings: await testScimSettings(store, clock),
    });
    try {
      const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      return JSON.parse(response.body) as Record<string, unknown>;
    } finally {
      await app.close();
    }
  } finally {
    await database.dispose();
  }
}
