import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from './dialect.js';
import type { Migration } from 'kysely/migration';

/**
 * Migrations are frozen in time: never edit one that has shipped; add a new one. They use constructs
 * both SQLite and PostgreSQL understand; the JSON column type is the one thing the dialect decides
 * (text on SQLite, jsonb on PostgreSQL).
 */
export function migrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001_foundation': {
      async up(db: Kysely<unknown>): Promise<void> {
        await db.schema
          .createTable('organizations')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull().unique())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('integrations')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('organization_id', 'text', (c) =>
            c.notNull().references('organizations.id').onDelete('cascade'),
          )
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('idp', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('token_hash', 'text')
          .addColumn('token_created_at', 'text')
          .addColumn('token_expires_at', 'text')
          .addUniqueConstraint('integrations_org_name_unique', ['organization_id', 'name'])
          .execute();

        await db.schema
          .createTable('scim_resources')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('organization_id', 'text', (c) => c.notNull())
          .addColumn('integration_id', 'text', (c) =>
            c.notNull().references('integrations.id').onDelete('cascade'),
          )
          .addColumn('resource_type', 'text', (c) => c.notNull())
          .addColumn('name_key', 'text', (c) => c.notNull())
          .addColumn('external_id', 'text')
          .addColumn('display_name_key', 'text')
          .addColumn('data', sql.raw(dialect.jsonColumnType), (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('last_modified', 'text', (c) => c.notNull())
          .execute();
        // userName (Users) and displayName (Groups) are unique per integration, case-insensitively; a
        // constraint, not check-then-insert, so racing creates get exactly one winner.
        await db.schema
          .createIndex('scim_resources_name_unique')
          .on('scim_resources')
          .columns(['integration_id', 'resource_type', 'name_key'])
          .unique()
          .execute();
        await db.schema
          .createIndex('scim_resources_external_id')
          .on('scim_resources')
          .columns(['integration_id', 'resource_type', 'external_id'])
          .execute();
        await db.schema
          .createIndex('scim_resources_display_name')
          .on('scim_resources')
          .columns(['integration_id', 'resource_type', 'display_name_key'])
          .execute();
        await db.schema
          .createIndex('scim_resources_last_modified')
          .on('scim_resources')
          .columns(['integration_id', 'resource_type', 'last_modified'])
          .execute();

        // The default list order (created, then id) must be indexed so a deep page is a range scan.
        await db.schema
          .createIndex('scim_resources_created')
          .on('scim_resources')
          .columns(['integration_id', 'resource_type', 'created_at', 'id'])
          .execute();

        // Membership is rows, never a JSON array: adding a member costs the same in any group size.
        await db.schema
          .createTable('scim_memberships')
          .addColumn('integration_id', 'text', (c) => c.notNull())
          .addColumn('group_id', 'text', (c) =>
            c.notNull().references('scim_resources.id').onDelete('cascade'),
          )
          .addColumn('member_id', 'text', (c) =>
            c.notNull().references('scim_resources.id').onDelete('cascade'),
          )
          .addColumn('member_type', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('scim_memberships_pk', ['group_id', 'member_id'])
          .execute();
        await db.schema
          .createIndex('scim_memberships_member')
          .on('scim_memberships')
          .columns(['member_id'])
          .execute();
      },
    },
    '0002_installation_secrets': {
      async up(db: Kysely<unknown>): Promise<void> {
        // Keys every instance of an installation must share (cursor signing), created once.
        await db.schema
          .createTable('installation_secrets')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
  };
}
