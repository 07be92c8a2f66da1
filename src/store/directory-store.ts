import { groupHierarchyRepository } from './group-hierarchy-repository.js';
import { syncInputsRepository } from './sync-inputs-repository.js';
import type { Kysely } from 'kysely';
import type { DirectoryStore, PoolUsage } from '../directory/ports/directory-store.js';
import type { Database } from './database-schema.js';
import type { StoreDialect } from './dialect.js';
import { adminKeyRepository } from './admin-key-repository.js';
import { auditLogRepository } from './audit-log-repository.js';
import { authPolicyRepository } from './auth-policy-repository.js';
import { jwtSignerRepository } from './jwt-signer-repository.js';
import { directoryGroupRepository } from './directory-group-repository.js';
import { eventRepository, PendingEvents } from './event-repository.js';
import { identityRepository } from './identity-repository.js';
import { installationSecretRepository } from './installation-secret-repository.js';
import { installationSettingRepository } from './installation-setting-repository.js';
import { remapJobRepository } from './remap-job-repository.js';
import { roleRepository } from './role-repository.js';
import { schemaExtensionRepository } from './schema-extension-repository.js';
import { integrationRepository } from './integration-repository.js';
import { isAtLatestMigration } from './migrate.js';
import { organizationRepository } from './organization-repository.js';
import { provisioningLogRepository } from './provisioning-log-repository.js';
import { webhookRepository } from './webhook-repository.js';
import { securityEventKeyRepository } from './security-event-key-repository.js';
import { scimResourceRepository } from './scim-resource-repository.js';
import { signInSessionRepository } from './sign-in-session-repository.js';
import { consoleAccountRepository } from './console-account-repository.js';
import { consoleLinkRepository } from './console-link-repository.js';
import { consoleSessionRepository } from './console-session-repository.js';

const MAX_TRANSACTION_ATTEMPTS = 5;

/**
 * The Kysely implementation of the directory's storage port, for any engine the dialect describes.
 * `reader` (SQLite): a read-only connection on a worker thread for scanning list queries
 * (sqlite-reader.ts); never used inside a transaction, whose reads must see its own writes.
 * `pending` is set for a transaction's store: the events it appends, written just before it commits.
 */
export function directoryStore(
  db: Kysely<Database>,
  dialect: StoreDialect,
  options: {
    readonly reader?: Kysely<Database>;
    readonly pending?: PendingEvents;
    /** PostgreSQL: the pool's own count (openPostgresPool). Absent: SQLite's writer connection. */
    readonly poolUsage?: () => PoolUsage;
  } = {},
): DirectoryStore {
  // SQLite has one writer: a transaction holds it, the others wait for it (group-commit-driver.ts).
  let transactions = 0;
  return {
    events: eventRepository(db, dialect, options.pending),
    provisioningLog: provisioningLogRepository(db, dialect),
    webhooks: webhookRepository(db, dialect),
    securityEventKeys: securityEventKeyRepository(db),
    adminKeys: adminKeyRepository(db),
    auditLog: auditLogRepository(db),
    installationSecrets: installationSecretRepository(db),
    installationSettings: installationSettingRepository(db),
    identities: identityRepository(db, dialect),
    directoryGroups: directoryGroupRepository(db),
    roles: roleRepository(db, dialect),
    schemaExtensions: schemaExtensionRepository(db, dialect),
    authPolicies: authPolicyRepository(db, dialect),
    jwtSigners: jwtSignerRepository(db, dialect),
    signInSessions: signInSessionRepository(db),
    remapJobs: remapJobRepository(db, dialect),
    organizations: organizationRepository(db, dialect),
    integrations: integrationRepository(db, dialect),
    scimResources: scimResourceRepository(db, dialect, options.reader),
    groupHierarchy: groupHierarchyRepository(db, dialect),
    syncInputs: syncInputsRepository(db, dialect),
    consoleAccounts: consoleAccountRepository(db),
    consoleLinks: consoleLinkRepository(db),
    consoleSessions: consoleSessionRepository(db),
    async transaction(work) {
      // Concurrency failures (PostgreSQL serialization failures and deadlocks, SQLite's write lock held
      // by another process) roll the whole transaction back; the work is database-only, so running it
      // again is safe. The pauses are timers, never a spin: other requests run meanwhile. Once retries
      // are spent the error reaches the caller, which answers 503 (isTransientFailure).
      const started = Date.now();
      for (let attempt = 1; ; attempt++) {
        transactions++;
        try {
          return await db.transaction().execute(async (trx) => {
            const events = new PendingEvents();
            const result = await work(directoryStore(trx, dialect, { pending: events }));
            await events.flush(trx, dialect);
            return result;
          });
        } catch (error) {
          if (!dialect.isRetryableTransactionError(error)) throw error;
          const elapsed = Date.now() - started;
          if (attempt >= MAX_TRANSACTION_ATTEMPTS && elapsed >= dialect.retryTransactionsForMs) throw error;
          const pause =
            dialect.retryTransactionsForMs > 0
              ? Math.min(250, 10 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random() / 2)
              : attempt * 10 * Math.random();
          await new Promise((resolve) => setTimeout(resolve, pause));
        } finally {
          transactions--;
        }
      }
    },
    isTransientFailure: (error) => dialect.isTransientFailure(error),
    poolUsage: () =>
      options.poolUsage?.() ?? {
        size: 1,
        inUse: Math.min(transactions, 1),
        waiting: Math.max(transactions - 1, 0),
      },
    async refreshStatistics() {
      await dialect.refreshStatistics(db as unknown as Kysely<unknown>);
    },
    async isReady() {
      try {
        return await isAtLatestMigration(db, dialect);
      } catch {
        return false;
      }
    },
    async close() {
      await options.reader?.destroy();
      await db.destroy();
    },
  };
}
