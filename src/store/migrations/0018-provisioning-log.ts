import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The provisioning log (issue 16): one row per SCIM request of an integration, refused ones included,
 * and the hashes of tokens rotated away (so "401" can say "a token rotated away at …"). No foreign key
 * from the log to integrations: rows outlive nothing but their organization and are pruned by age.
 *
 * Frozen in time once shipped.
 */
export const provisioningLogMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('provisioning_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('integration_id', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text', (c) => c.notNull())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('scim_type', 'text')
      .addColumn('duration_ms', 'double precision', (c) => c.notNull())
      .addColumn('resource_type', 'text')
      .addColumn('resource_id', 'text')
      .addColumn('request_body', 'text')
      .addColumn('reason', 'text')
      .addColumn('auth_failure', 'text')
      .execute();
    // Newest first per organization and per integration (ids are UUIDv7: id order is time order).
    await db.schema
      .createIndex('provisioning_log_org')
      .on('provisioning_log')
      .columns(['organization_id', 'id'])
      .execute();
    await db.schema
      .createIndex('provisioning_log_integration')
      .on('provisioning_log')
      .columns(['organization_id', 'integration_id', 'id'])
      .execute();
    await db.schema
      .createIndex('provisioning_log_resource')
      .on('provisioning_log')
      .columns(['organization_id', 'resource_id'])
      .execute();
    await db.schema
      .createIndex('provisioning_log_request')
      .on('provisioning_log')
      .columns(['organization_id', 'request_id'])
      .execute();
    await db.schema
      .createIndex('provisioning_log_occurred')
      .on('provisioning_log')
      .columns(['occurred_at'])
      .execute();

    await db.schema
      .createTable('retired_tokens')
      .addColumn('integration_id', 'text', (c) =>
        c.notNull().references('integrations.id').onDelete('cascade'),
      )
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull())
      .addColumn('retired_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('retired_tokens_pk', ['integration_id', 'token_hash'])
      .execute();
    // "A token of another integration" is looked up by hash on refused requests only.
    await db.schema
      .createIndex('integrations_token_hash')
      .on('integrations')
      .columns(['token_hash'])
      .execute();
  },
};
