import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StoreDialect } from '../dialect.js';

/**
 * A resource's history from the events (issue 18: the console's identity page). An identity's own
 * events carry its id as `resource_id`; the member events of a group carry the group there and the
 * identity in `data.identityId` (docs/events.md), so a generated column lifts that out and both are
 * indexed per organization in feed order. The writer is unchanged: the column is computed by the
 * engine (SQLite: virtual, PostgreSQL: stored).
 *
 * Frozen in time once shipped.
 */
export function eventResourceIndexMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const member = `type in ('group.member_added', 'group.member_removed')`;
      const expression =
        dialect.name === 'postgres'
          ? `case when ${member} then data->>'identityId' end`
          : `case when ${member} then json_extract(data, '$.identityId') end`;
      const storage = dialect.name === 'postgres' ? 'stored' : 'virtual';
      await sql
        .raw(
          `alter table events add column member_identity_id text generated always as (${expression}) ${storage}`,
        )
        .execute(db);
      await db.schema
        .createIndex('events_resource')
        .on('events')
        .columns(['organization_id', 'resource_id', 'seq'])
        .execute();
      await db.schema
        .createIndex('events_member_identity')
        .on('events')
        .columns(['organization_id', 'member_identity_id', 'seq'])
        .execute();
    },
  };
}
