import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines, type TestDatabase } from '../../../test/support/test-engines.js';
import { directoryStore } from '../../store/directory-store.js';
import { migrateToLatest } from '../../store/migrate.js';
import { uuidV7Source } from '../ids/uuid-v7.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { ProvisioningLogWriter, type PendingLogEntry } from './provisioning-log-writer.js';

const ids = uuidV7Source();

describe.each(testEngines)('the provisioning log writer on $name', (engine) => {
  let database: TestDatabase;
  let store: DirectoryStore;
  let organizationId: string;

  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database.db, database.dialect);
    store = directoryStore(database.db, database.dialect);
    organizationId = (
      await store.organizations.ensure({
        id: ids.newId(),
        name: 'logged',
        createdAt: new Date().toISOString(),
      })
    ).id;
  });
  afterAll(() => database.dispose());

  const entry = (n: number): PendingLogEntry => ({
    id: ids.newId(),
    organizationId,
    integrationId: ids.newId(),
    requestId: `request-${n}`,
    occurredAt: new Date().toISOString(),
    method: 'GET',
    path: `/Users/${n}`,
    status: 200,
    scimType: null,
    durationMs: 1,
    resourceType: 'User',
    resourceId: null,
    reason: null,
    authFailure: null,
    body: undefined,
  });

  it('writes a long queue in batches and lets the event loop turn between them', async () => {
    // An insert runs synchronously on SQLite: without a turn between batches, every request that
    // arrives during a flush waits for all of it (issue 15: the log's flush set the reads' p99).
    const writer = new ProvisioningLogWriter(store, { redacted: new Set(), batchSize: 100 });
    for (let n = 0; n < 250; n++) writer.record(entry(n));
    const writtenWhenTheLoopTurned: number[] = [];
    const flushed = writer.flush();
    const watch = () => {
      const { written } = writer.stats();
      writtenWhenTheLoopTurned.push(written);
      if (written < 250) setImmediate(watch);
    };
    setImmediate(watch);
    await flushed;
    await writer.close();

    expect(writer.stats()).toMatchObject({ written: 250, dropped: 0, queued: 0 });
    // The loop turned after the first batch and after the second, before the flush ended.
    expect(writtenWhenTheLoopTurned).toContain(100);
    expect(writtenWhenTheLoopTurned).toContain(200);
    const stored = await store.provisioningLog.list({ organizationId }, { limit: 500 });
    expect(stored).toHaveLength(250);
  });
});
