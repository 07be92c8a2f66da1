/**
 * Issue 6's remap figure: seeds N users with identities on a fresh SQLite file through the store, then
 * changes the identity name and sign-in external ID sources and runs the remap job, reporting time and
 * peak RSS. `npm run bench:remap -- 100000`
 */
import { systemCause } from '../../src/directory/model/directory-event.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIntegration } from '../../src/directory/integrations/create-integration.js';
import { ensureDefaultOrganization } from '../../src/directory/organizations/ensure-default-organization.js';
import { uuidV7Source } from '../../src/directory/ids/uuid-v7.js';
import { defaultIntegrationSettings } from '../../src/directory/model/integration-settings.js';
import { runRemapJobs } from '../../src/directory/remap/run-remap-jobs.js';
import { updateIntegrationSettings } from '../../src/directory/integrations/update-integration-settings.js';
import type { StoredResource } from '../../src/directory/model/scim-resource.js';
import { syncIdentities } from '../../src/directory/identity-sync/sync-identities.js';
import { directoryStore } from '../../src/store/directory-store.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { openSqlite } from '../../src/store/sqlite/open-sqlite.js';
import { sqliteDialect } from '../../src/store/sqlite/sqlite-dialect.js';

const users = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'roster-remap-bench-'));
const db = openSqlite(join(dir, 'roster.db'));
try {
  await migrateToLatest(db, sqliteDialect);
  const store = directoryStore(db, sqliteDialect);
  const clock = { now: () => new Date() };
  const ids = uuidV7Source();
  await ensureDefaultOrganization({ store, clock, ids });
  const { integration } = await createIntegration(
    { store, clock, ids },
    { organizationName: 'default', name: 'remap-bench', idp: 'generic', tokenLifetimeDays: 365 },
  );
  const scope = { organizationId: integration.organizationId, integrationId: integration.id };
  let started = Date.now();
  for (let batch = 0; batch < users; batch += 1000) {
    await store.transaction(async (tx) => {
      const context = {
        store: tx,
        clock,
        ids,
        scope,
        integrationSettings: defaultIntegrationSettings,
        cause: systemCause,
      };
      const created: { user: StoredResource; isNew: true }[] = [];
      for (let i = batch; i < Math.min(users, batch + 1000); i++) {
        const now = new Date().toISOString();
        const user: StoredResource = {
          id: ids.newId(),
          resourceType: 'User',
          attributes: {
            userName: `user${i}@example.com`,
            displayName: `User ${i}`,
            emails: [{ value: `user${i}@example.com`, type: 'work', primary: true }],
            active: true,
          },
          version: 1,
          created: now,
          lastModified: now,
        };
        await tx.scimResources.insert(scope, user, [], null);
        created.push({ user, isNew: true });
      }
      await syncIdentities(context, created);
    });
  }
  console.log(`seeded ${users} users and identities in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  started = Date.now();
  const { job } = await updateIntegrationSettings({ store, clock, ids }, scope, {
    identityName: 'displayName',
    signInExternalId: 'primaryEmail',
  });
  await runRemapJobs({ store, clock, ids }, { owner: 'remap-bench', batchSize: 1000 });
  const seconds = (Date.now() - started) / 1000;
  clearInterval(sampler);
  const done = await store.remapJobs.findById(scope, job.id);
  console.log(
    JSON.stringify({
      identities: users,
      seconds,
      perSecond: Math.round(users / seconds),
      changed: done?.changed,
      status: done?.status,
      peakRssMB: Math.round(peak / 1_048_576),
    }),
  );
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
