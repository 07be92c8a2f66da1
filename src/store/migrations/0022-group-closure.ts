import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StoreDialect } from '../dialect.js';

/**
 * Nested groups (issue 19 part 2).
 *
 * `scim_group_closure`: the transitive closure of group-in-group membership per integration, one row
 * per (ancestor, descendant) pair with ancestor ≠ descendant. Kept in step with `scim_memberships` inside
 * the same transaction as every member change, so an identity's effective groups are one indexed join,
 * never a recursive query per request. Reachability, not path counts: RFC 7643 does not forbid cycles,
 * and a cycle has infinitely many paths. Rows vanish with either group (foreign keys, cascade).
 *
 * Existing integrations keep today's behaviour: their stored settings get `groupNesting: "direct"`
 * (new integrations default to `nested`). The closure is filled for the group memberships already
 * stored, with a recursive query run once here (UNION, not UNION ALL, so a cycle ends).
 *
 * Frozen in time once shipped.
 */
export function groupClosureMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('scim_group_closure')
        .addColumn('organization_id', 'text', (c) =>
          c.notNull().references('organizations.id').onDelete('cascade'),
        )
        .addColumn('integration_id', 'text', (c) => c.notNull())
        .addColumn('ancestor_id', 'text', (c) =>
          c.notNull().references('scim_resources.id').onDelete('cascade'),
        )
        .addColumn('descendant_id', 'text', (c) =>
          c.notNull().references('scim_resources.id').onDelete('cascade'),
        )
        .addPrimaryKeyConstraint('scim_group_closure_pk', ['integration_id', 'ancestor_id', 'descendant_id'])
        .execute();
      await db.schema
        .createIndex('scim_group_closure_descendant')
        .on('scim_group_closure')
        .columns(['integration_id', 'descendant_id', 'ancestor_id'])
        .execute();
      // Group members of a group (the closure's edges), without reading its user members.
      await db.schema
        .createIndex('scim_memberships_group_type')
        .on('scim_memberships')
        .columns(['group_id', 'member_type', 'member_id'])
        .execute();

      await sql`
        with recursive reach (integration_id, ancestor_id, descendant_id) as (
          select m.integration_id, m.group_id, m.member_id
          from scim_memberships as m where m.member_type = 'Group'
          union
          select r.integration_id, r.ancestor_id, m.member_id
          from reach as r inner join scim_memberships as m
            on m.group_id = r.descendant_id and m.integration_id = r.integration_id
          where m.member_type = 'Group'
        )
        insert into scim_group_closure (organization_id, integration_id, ancestor_id, descendant_id)
        select g.organization_id, r.integration_id, r.ancestor_id, r.descendant_id
        from reach as r inner join scim_resources as g on g.id = r.ancestor_id
        where r.ancestor_id <> r.descendant_id`.execute(db);

      const { rows } = await sql<{ id: string; settings: unknown }>`
        select id, settings from integrations`.execute(db);
      for (const row of rows) {
        const settings = row.settings === null ? {} : dialect.parseJson(row.settings);
        await sql`update integrations set settings = ${JSON.stringify({ ...settings, groupNesting: 'direct' })}
          where id = ${row.id}`.execute(db);
      }
    },
  };
}
