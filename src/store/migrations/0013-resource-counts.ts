import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StoreDialect } from '../dialect.js';

/**
 * Live SCIM resources per integration and type, kept by the database itself (issue 15): an unfiltered
 * list page reports an exact `totalResults` (RFC 7644 §3.4.2) by summing a few counter rows instead of
 * counting every user, so a page costs the same at 10,000 users and at 1,000,000.
 *
 * Triggers keep the counters, so every write path (SCIM, Bulk, the remap, an integration's cascade
 * delete, a restore) stays exact without remembering to. The counters do not serialise writers: on
 * PostgreSQL each connection adds to its own shard row (by backend pid), so two transactions creating
 * users never wait on the same row; the sum over the shards is the count. SQLite has one writer at a
 * time, so one row per (integration, type) serves.
 *
 * Frozen in time: plain SQL per engine.
 */
export function resourceCountsMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('scim_resource_counts')
        .addColumn('integration_id', 'text', (c) =>
          c.notNull().references('integrations.id').onDelete('cascade'),
        )
        .addColumn('resource_type', 'text', (c) => c.notNull())
        .addColumn('shard', 'integer', (c) => c.notNull())
        // May go below zero in one shard (a user created on one connection, deleted on another); the
        // sum over the shards never does.
        .addColumn('live', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('scim_resource_counts_pk', ['integration_id', 'resource_type', 'shard'])
        .execute();
      await sql`
        insert into scim_resource_counts (integration_id, resource_type, shard, live)
        select integration_id, resource_type, 0, count(*) from scim_resources
        where deleted_at is null group by integration_id, resource_type`.execute(db);
      if (dialect.name === 'postgres') await postgresTriggers(db);
      else await sqliteTriggers(db);
    },
  };
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const add = (row: 'new' | 'old', delta: string) =>
    sql.raw(`insert into scim_resource_counts (integration_id, resource_type, shard, live)
      values (${row}.integration_id, ${row}.resource_type, 0, ${delta})
      on conflict (integration_id, resource_type, shard) do update set live = live + excluded.live;`);
  await sql`create trigger scim_resources_counted_insert after insert on scim_resources
    when new.deleted_at is null begin ${add('new', '1')} end`.execute(db);
  // A delete only ever updates: when an integration's delete cascades to its resources, its counter rows
  // may be gone already, and inserting one would reference the integration being deleted.
  await sql`create trigger scim_resources_counted_delete after delete on scim_resources
    when old.deleted_at is null begin
      update scim_resource_counts set live = live - 1
      where integration_id = old.integration_id and resource_type = old.resource_type and shard = 0;
    end`.execute(db);
  await sql`create trigger scim_resources_counted_liveness after update of deleted_at on scim_resources
    when (old.deleted_at is null) <> (new.deleted_at is null)
    begin ${add('new', 'case when new.deleted_at is null then 1 else -1 end')} end`.execute(db);
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function scim_resources_count_live() returns trigger language plpgsql as $$
    declare
      delta bigint := 0;
      counted scim_resources%rowtype;
    begin
      if tg_op = 'INSERT' then
        counted := new;
        if new.deleted_at is null then delta := 1; end if;
      elsif tg_op = 'DELETE' then
        counted := old;
        if old.deleted_at is null then delta := -1; end if;
      else
        counted := new;
        if old.deleted_at is null and new.deleted_at is not null then delta := -1; end if;
        if old.deleted_at is not null and new.deleted_at is null then delta := 1; end if;
      end if;
      if delta = 0 then return null; end if;
      update scim_resource_counts set live = live + delta
      where integration_id = counted.integration_id and resource_type = counted.resource_type
        and shard = pg_backend_pid() % 64;
      if found then return null; end if;
      if tg_op = 'DELETE' then
        -- Any shard will do for a decrement; none left means the integration's delete cascaded to the
        -- counters already (inserting one would reference the integration being deleted).
        update scim_resource_counts set live = live + delta
        where integration_id = counted.integration_id and resource_type = counted.resource_type
          and shard = (select min(shard) from scim_resource_counts
                       where integration_id = counted.integration_id and resource_type = counted.resource_type);
        return null;
      end if;
      insert into scim_resource_counts (integration_id, resource_type, shard, live)
      values (counted.integration_id, counted.resource_type, pg_backend_pid() % 64, delta)
      on conflict (integration_id, resource_type, shard)
      do update set live = scim_resource_counts.live + excluded.live;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger scim_resources_counted after insert or delete or update of deleted_at
    on scim_resources for each row execute function scim_resources_count_live()`.execute(db);
}
