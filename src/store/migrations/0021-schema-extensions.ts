import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { StoreDialect } from '../dialect.js';

/**
 * Custom schema extensions (issue 19): one row per extension of an organization (its current
 * definition and version) and every version ever saved (replacing a definition adds one). Integrations
 * gain `schema_generation`, bumped for every integration of the organization when a definition changes:
 * it is read with the credential on every SCIM request, so each instance's cache of the integration's
 * resource types is keyed by it and a change on one instance is seen by all at once.
 *
 * Frozen in time: it creates tables and a column and touches no rows.
 */
export function schemaExtensionsMigration(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('schema_extensions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) =>
          c.notNull().references('organizations.id').onDelete('cascade'),
        )
        .addColumn('urn', 'text', (c) => c.notNull())
        // The URN folded to lower case: schema URNs compare case-insensitively (RFC 7643 §2.1, §3).
        .addColumn('urn_key', 'text', (c) => c.notNull())
        .addColumn('resource_type', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('definition', sql.raw(dialect.jsonColumnType), (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('schema_extensions_org_urn_unique', ['organization_id', 'urn_key'])
        .execute();
      await db.schema
        .createTable('schema_extension_versions')
        .addColumn('extension_id', 'text', (c) =>
          c.notNull().references('schema_extensions.id').onDelete('cascade'),
        )
        .addColumn('organization_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('definition', sql.raw(dialect.jsonColumnType), (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('schema_extension_versions_pk', ['extension_id', 'version'])
        .execute();
      await db.schema
        .alterTable('integrations')
        .addColumn('schema_generation', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  };
}
