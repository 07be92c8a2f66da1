import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StoreDialect } from '../dialect.js';

/**
 * Separates the two lifecycles that used to be one row (issue 11):
 *
 * - A SCIM resource is gone for good once deleted (RFC 7644 §3.6) and its id is never reused (RFC 7643
 *   §3.1): resources hidden by the old "soft delete" are removed, and nothing hides them any more.
 * - A directory identity has a continuous history and may be fed by several integrations: each link is a
 *   row of `identity_sources` carrying what that integration contributes. A deleted identity releases its
 *   name, so the name is unique only among identities that are not deleted (a partial unique index).
 *
 * Frozen in time: it reads and writes rows with plain SQL, never through the repositories.
 */
export function identitySourcesMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const json = sql.raw(dialect.jsonColumnType);
      await db.schema
        .createTable('identity_sources')
        .addColumn('identity_id', 'text', (c) => c.notNull().references('identities.id').onDelete('cascade'))
        .addColumn('organization_id', 'text', (c) => c.notNull())
        .addColumn('integration_id', 'text', (c) =>
          c.notNull().references('integrations.id').onDelete('cascade'),
        )
        // The SCIM User this link was last fed by; a re-link after a delete points it at the new one.
        .addColumn('scim_resource_id', 'text', (c) => c.notNull())
        // The user's SCIM externalId and folded userName at its last write: the keys of a re-link.
        .addColumn('external_id', 'text')
        .addColumn('user_name_key', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('contribution', json, (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('identity_sources_pk', ['identity_id', 'integration_id'])
        .execute();
      await db.schema
        .createIndex('identity_sources_scim_resource')
        .on('identity_sources')
        .columns(['integration_id', 'scim_resource_id'])
        .unique()
        .execute();
      await db.schema
        .createIndex('identity_sources_external_id')
        .on('identity_sources')
        .columns(['integration_id', 'external_id'])
        .execute();
      await db.schema
        .createIndex('identity_sources_user_name')
        .on('identity_sources')
        .columns(['integration_id', 'user_name_key'])
        .execute();

      // The request hash of the POST that created a resource: an identical retry is recognised by it.
      await db.schema.alterTable('scim_resources').addColumn('create_hash', 'text').execute();
      // Organization-wide settings (how identities of several integrations meet), JSON.
      await db.schema.alterTable('organizations').addColumn('settings', json).execute();

      await copySources(db, dialect);
      // Soft-deleted SCIM resources are deleted for real; memberships and email rows cascade.
      await sql`delete from scim_resources where deleted_at is not null`.execute(db);

      if (dialect.rebuildsTablesToChangeConstraints) await rebuildIdentitiesOnSqlite(db);
      else {
        await sql`alter table identities drop constraint identities_org_name_unique`.execute(db);
        await createLiveNameIndex(db);
      }
    },
  };
}

/** One source row for every identity an integration manages, carrying what it holds today. */
async function copySources(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  let after = '';
  for (;;) {
    const rows = await sql<{
      id: string;
      organization_id: string;
      name: string;
      status: string;
      sign_in_external_id: string | null;
      auth_policy_id: string | null;
      attributes: unknown;
      profile: unknown;
      source_integration_id: string;
      scim_resource_id: string;
      created_at: string;
      updated_at: string;
      external_id: string | null;
      name_key: string | null;
      deleted_at: string | null;
      resource_exists: number | null;
    }>`select i.id, i.organization_id, i.name, i.status, i.sign_in_external_id, i.auth_policy_id,
          i.attributes, i.profile, i.source_integration_id, i.scim_resource_id, i.created_at, i.updated_at,
          r.external_id, r.name_key, r.deleted_at, case when r.id is null then null else 1 end as resource_exists
        from identities as i
        left join scim_resources as r on r.id = i.scim_resource_id
        where i.source_integration_id is not null and i.scim_resource_id is not null and i.id > ${after}
        order by i.id limit 500`.execute(db);
    if (rows.rows.length === 0) return;
    const ids = rows.rows.map((r) => r.id);
    const groups = await sql<{ identity_id: string; group_id: string }>`
      select identity_id, group_id from identity_groups where identity_id in (${sql.join(ids)})
      order by group_id`.execute(db);
    const groupIds = new Map<string, string[]>();
    for (const g of groups.rows)
      groupIds.set(g.identity_id, [...(groupIds.get(g.identity_id) ?? []), g.group_id]);
    for (const row of rows.rows) {
      const parse = (value: unknown) => dialect.parseJson(value);
      const contribution = {
        name: row.name,
        signInExternalId: row.sign_in_external_id,
        authPolicyId: row.auth_policy_id,
        attributes: parse(row.attributes),
        profile: parse(row.profile),
        groupIds: groupIds.get(row.id) ?? [],
      };
      // A soft-deleted (or vanished) SCIM user left a deleted identity; its status says so already.
      const status = row.resource_exists === null || row.deleted_at !== null ? 'deleted' : row.status;
      await sql`insert into identity_sources
          (identity_id, organization_id, integration_id, scim_resource_id, external_id, user_name_key,
           status, contribution, created_at, updated_at)
        values (${row.id}, ${row.organization_id}, ${row.source_integration_id}, ${row.scim_resource_id},
          ${row.external_id}, ${row.name_key ?? row.name.toLowerCase()}, ${status},
          ${JSON.stringify(contribution)}, ${row.created_at}, ${row.updated_at})`.execute(db);
    }
    after = ids[ids.length - 1] ?? after;
  }
}

async function createLiveNameIndex(db: Kysely<unknown>): Promise<void> {
  // A constant predicate (SQLite allows no parameters in an index's WHERE), the same on both engines.
  await sql`create unique index identities_live_name on identities (organization_id, name_key)
    where status <> 'deleted'`.execute(db);
}

/**
 * SQLite cannot drop a table constraint, so the table is rebuilt by the procedure SQLite documents
 * ("Making Other Kinds Of Table Schema Changes"): foreign keys off outside the transaction, copy into a
 * new table, drop, rename, recreate indexes, check the foreign keys, commit. Kysely runs SQLite
 * migrations outside a transaction, which is what makes this possible.
 */
async function rebuildIdentitiesOnSqlite(db: Kysely<unknown>): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin`.execute(db);
    try {
      await sql`create table identities_rebuilt (
          id text primary key,
          organization_id text not null references organizations (id) on delete cascade,
          name text not null,
          name_key text not null,
          status text not null,
          sign_in_external_id text,
          auth_policy_id text references auth_policies (id) on delete set null,
          attributes text not null,
          profile text not null,
          source_integration_id text references integrations (id) on delete set null,
          scim_resource_id text,
          created_at text not null,
          updated_at text not null,
          last_synced_at text
        )`.execute(db);
      await sql`insert into identities_rebuilt select id, organization_id, name, name_key, status,
          sign_in_external_id, auth_policy_id, attributes, profile, source_integration_id, scim_resource_id,
          created_at, updated_at, last_synced_at from identities`.execute(db);
      await sql`drop table identities`.execute(db);
      await sql`alter table identities_rebuilt rename to identities`.execute(db);
      await sql`create index identities_source on identities (source_integration_id, scim_resource_id)`.execute(
        db,
      );
      await sql`create index identities_sign_in_external_id on identities (organization_id, sign_in_external_id)`.execute(
        db,
      );
      await createLiveNameIndex(db);
      const broken = await sql`pragma foreign_key_check`.execute(db);
      if (broken.rows.length > 0) throw new Error('identities rebuild broke a foreign key');
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
