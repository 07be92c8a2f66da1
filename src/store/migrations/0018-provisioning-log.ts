import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The provisioning log (issue 16): one row per SCIM request of an integration, refused ones included,
 * and the hashes of tokens rotated away (so "401" can say "a token rotated away at …"). No foreign key
 * from the log to integrations: rows outlive nothing but their organization and are pruned by age.
 *
 * Webhook endpoints and their delivery log (issue 16, same migration: the issue has two numbers). An
 * endpoint's `cursor_seq` is its position in the organization's events feed: the worker delivers the
 * events after it in order and moves it on each success, so no per-event fan-out row is written by a
 * SCIM request. Secrets are stored sealed (SecretCipher), never in plain text.
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
    await db.schema
      .createTable('webhook_endpoints')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('event_types', 'text')
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('failing_reason', 'text')
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('previous_secret', 'text')
      .addColumn('previous_secret_until', 'text')
      .addColumn('cursor_seq', 'bigint', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text')
      .addColumn('first_failure_at', 'text')
      .addColumn('last_error', 'text')
      .addColumn('lease_owner', 'text')
      .addColumn('lease_expires_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('webhook_endpoints_org')
      .on('webhook_endpoints')
      .columns(['organization_id', 'id'])
      .execute();
    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('endpoint_id', 'text', (c) =>
        c.notNull().references('webhook_endpoints.id').onDelete('cascade'),
      )
      .addColumn('organization_id', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('event_seq', 'bigint', (c) => c.notNull())
      .addColumn('attempt', 'integer', (c) => c.notNull())
      .addColumn('attempted_at', 'text', (c) => c.notNull())
      .addColumn('status_code', 'integer')
      .addColumn('latency_ms', 'double precision', (c) => c.notNull())
      .addColumn('error', 'text')
      .addColumn('response_excerpt', 'text')
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('manual', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('webhook_deliveries_endpoint')
      .on('webhook_deliveries')
      .columns(['endpoint_id', 'id'])
      .execute();

    // "A token of another integration" is looked up by hash on refused requests only.
    await db.schema
      .createIndex('integrations_token_hash')
      .on('integrations')
      .columns(['token_hash'])
      .execute();
  },
};
