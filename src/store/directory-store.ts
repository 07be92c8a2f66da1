import type { Kysely } from 'kysely';
import type { DirectoryStore } from '../directory/ports/directory-store.js';
import type { Database } from './database-schema.js';
import type { StoreDialect } from './dialect.js';
import { adminKeyRepository } from './admin-key-repository.js';
import { authPolicyRepository } from './auth-policy-repository.js';
import { jwtSignerRepository } from './jwt-signer-repository.js';
import { directoryGroupRepository } from './directory-group-repository.js';
import { eventRepository, PendingEvents } from './event-repository.js';
import { identityRepository } from './identity-repository.js';
import { installationSecretRepository } from './installation-secret-repository.js';
import { installationSettingRepository } from './installation-setting-repository.js';
import { remapJobRepository } from './remap-job-repository.js';
import { roleRepository } from './role-repository.js';
import { integrationRepository } from './integration-repository.js';
import { isAtLatestMigration } from './migrate.js';
import { organizationRepository } from './organization-repository.js';
import { provisioningLogRepository } from './provisioning-log-repository.js';
import { webhookRepository } from './webhook-repository.js';
import { scimResourceRepository } from './scim-resource-repository.js';
import { signInSessionRepository } from './sign-in-session-repository.js';
import { consoleAccountRepository } from './console-account-repository.js';
import { consoleLinkRepository } from './console-link-repository.js';
import { consoleSessionRepository } from './console-session-repository.js';

const MAX_TRANSACTION_ATTEMPTS = 5;

/**
 * The Kysely implementation of the directory's storage port, for any engine the dialect describes.
 * `pending` is set for a transaction's store: the events it appends, written just before it commits.
 */
export function directoryStore(
  db: Kysely<Database>,
  dialect: StoreDialect,
  pending?: PendingEvents,
): DirectoryStore {
  return {
    events: eventRepository(db, dialect, pending),
    provisioningLog: provisioningLogRepository(db, dialect),
    webhooks: webhookRepository(db, dialect),
    adminKeys: adminKeyRepository(db),
    installationSecrets: installationSecretRepository(db),
    installationSettings: installationSettingRepository(db),
    identities: identityRepository(db, dialect),
    directoryGroups: directoryGroupRepository(db),
    roles: roleRepository(db, dialect),
    authPolicies: authPolicyRepository(db, dialect),
    jwtSigners: jwtSignerRepository(db, dialect),
    signInSessions: signInSessionRepository(db),
    remapJobs: remapJobRepository(db, dialect),
    organizations: organizationRepository(db, dialect),
    integrations: integrationRepository(db, dialect),
    scimResources: scimResourceRepository(db, dialect),
    consoleAccounts: consoleAccountRepository(db),
    consoleLinks: consoleLinkRepository(db),
    consoleSessions: consoleSessionRepository(db),
    async transaction(work) {
      // Concurrency failures (PostgreSQL serialization failures and deadlocks) roll the whole
      // transaction back; the work is database-only, so running it again is safe.
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction().execute(async (trx) => {
            const events = new PendingEvents();
            const result = await work(directoryStore(trx, dialect, events));
            await events.flush(trx, dialect);
            return result;
          });
        } catch (error) {
          if (attempt >= MAX_TRANSACTION_ATTEMPTS || !dialect.isRetryableTransactionError(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, attempt * 10 * Math.random()));
        }
      }
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
    close() {
      return db.destroy();
    },
  };
}
