import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Operator controls (issue 14): an integration can be paused, and every admin action is recorded.
 *
 * `integrations.paused_at`: set while paused. The credential row every SCIM request already reads
 * carries it, so the pause costs no statement on the hot path.
 *
 * `audit_log`: who (an admin key's id and name, or the account that ran a CLI command), did what
 * (the route or command), to which organization, when, from which address, under which request id,
 * with which outcome. No foreign keys: the record of deleting an organization or revoking a key must
 * outlive them. Never a request body (it may carry secrets): only route parameters.
 *
 * Frozen in time.
 */
export function operatorControlsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('integrations').addColumn('paused_at', 'text').execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('organization_id', 'text')
        .addColumn('actor_kind', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('outcome', 'integer', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('request_id', 'text')
        .execute();
      // Pages run newest first, by time then id; each filter has an index led by its column.
      await db.schema.createIndex('audit_log_time').on('audit_log').columns(['occurred_at', 'id']).execute();
      await db.schema
        .createIndex('audit_log_organization')
        .on('audit_log')
        .columns(['organization_id', 'occurred_at', 'id'])
        .execute();
      await db.schema
        .createIndex('audit_log_actor')
        .on('audit_log')
        .columns(['actor_id', 'occurred_at', 'id'])
        .execute();
      await db.schema
        .createIndex('audit_log_action')
        .on('audit_log')
        .columns(['action', 'occurred_at', 'id'])
        .execute();
    },
  };
}
