import type { Kysely } from 'kysely';
import type { DirectoryStore } from '../directory/ports.js';
import type { Database } from './database-schema.js';
import type { StoreDialect } from './dialect.js';
import { integrationRepository } from './integration-repository.js';
import { isAtLatestMigration } from './migrate.js';
import { organizationRepository } from './organization-repository.js';
import { scimResourceRepository } from './scim-resource-repository.js';

/** The Kysely implementation of the directory's storage port, for any engine the dialect describes. */
export function directoryStore(db: Kysely<Database>, dialect: StoreDialect): DirectoryStore {
  return {
    organizations: organizationRepository(db),
    integrations: integrationRepository(db),
    scimResources: scimResourceRepository(db, dialect),
    transaction(work) {
      return db.transaction().execute((trx) => work(directoryStore(trx, dialect)));
    },
    async isReady() {
      try {
        return await isAtLatestMigration(db);
      } catch {
        return false;
      }
    },
    close() {
      return db.destroy();
    },
  };
}
