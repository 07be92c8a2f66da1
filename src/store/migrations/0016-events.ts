import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StoreDialect } from '../dialect.js';

/**
 * The outbox of directory events (issue 16) and the counter that numbers each organization's events.
 * The counter row is taken (upserted) as the last statement of a transaction that writes events, so on
 * PostgreSQL the numbers commit in the order they are handed out (docs/events.md). No foreign key on
 * `integration_id`: an event outlives the integration it names (integration.deleted is one).
 *
 * Frozen in time once shipped.
 */
export function eventsMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const json = sql.raw(dialect.jsonColumnType);
      await db.schema
        .createTable('event_counters')
        .addColumn('organization_id', 'text', (c) =>
          c.primaryKey().references('organizations.id').onDelete('cascade'),
        )
        .addColumn('last_seq', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('events')
        .addColumn('organization_id', 'text', (c) =>
          c.notNull().references('organizations.id').onDelete('cascade'),
        )
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('occurred_at', 'text', (c) => c.notNull())
        .addColumn('integration_id', 'text')
        .addColumn('request_id', 'text')
        .addColumn('actor_kind', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('resource_type', 'text', (c) => c.notNull())
        .addColumn('resource_id', 'text', (c) => c.notNull())
        .addColumn('data', json, (c) => c.notNull())
        .addColumn('changed', json, (c) => c.notNull())
        .addPrimaryKeyConstraint('events_pk', ['organization_id', 'seq'])
        .execute();
      // Pruning by age, and the provisioning log's "events this request produced".
      await db.schema.createIndex('events_occurred').on('events').columns(['occurred_at']).execute();
      await db.schema.createIndex('events_request').on('events').columns(['request_id']).execute();
    },
  };
}
