import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from './dialect.js';
import type { Migration } from 'kysely/migration';
import { identitySourcesMigration } from './migrations/0008-identity-sources.js';
import { resourceCountsMigration } from './migrations/0013-resource-counts.js';
import { consoleAccountsMigration } from './migrations/0017-console-accounts.js';
import { eventsMigration } from './migrations/0016-events.js';
import { provisioningLogMigration } from './migrations/0018-provisioning-log.js';
import { securityEventsMigration } from './migrations/0019-security-events.js';
import { eventResourceIndexMigration } from './migrations/0020-event-resource-index.js';
import { operatorControlsMigration } from './migrations/0015-operator-controls.js';
import { schemaExtensionsMigration } from './migrations/0021-schema-extensions.js';
import { groupClosureMigration } from './migrations/0022-group-closure.js';

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
    '0003_directory': {
      async up(db: Kysely<unknown>): Promise<void> {
        const json = sql.raw(dialect.jsonColumnType);
        // SCIM DELETE under the "deactivate" policy keeps the resource (hidden) so a later POST restores it.
        await db.schema.alterTable('scim_resources').addColumn('deleted_at', 'text').execute();
        // Per-integration mapping settings (IntegrationSettings), JSON so new options need no migration.
        await db.schema.alterTable('integrations').addColumn('settings', json).execute();

        await db.schema
          .createTable('auth_policies')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('organization_id', 'text', (c) =>
            c.notNull().references('organizations.id').onDelete('cascade'),
          )
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('is_default', 'integer', (c) => c.notNull())
          .addColumn('signer_ids', json, (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('auth_policies_org_name_unique', ['organization_id', 'name'])
          .execute();

        await db.schema
          .createTable('jwt_signers')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('organization_id', 'text', (c) =>
            c.notNull().references('organizations.id').onDelete('cascade'),
          )
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('issuer', 'text', (c) => c.notNull())
          .addColumn('audience', 'text', (c) => c.notNull())
          .addColumn('jwks_url', 'text')
          .addColumn('public_key_pem', 'text')
          .addColumn('external_id_claim', 'text', (c) => c.notNull())
          .addColumn('enabled', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('jwt_signers_org_name_unique', ['organization_id', 'name'])
          .execute();

        await db.schema
          .createTable('roles')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('organization_id', 'text', (c) =>
            c.notNull().references('organizations.id').onDelete('cascade'),
          )
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('permissions', json, (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('roles_org_name_unique', ['organization_id', 'name'])
          .execute();

        await db.schema
          .createTable('directory_groups')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('organization_id', 'text', (c) =>
            c.notNull().references('organizations.id').onDelete('cascade'),
          )
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('name_key', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('directory_groups_org_name_unique', ['organization_id', 'name_key'])
          .execute();

        await db.schema
          .createTable('directory_group_roles')
          .addColumn('group_id', 'text', (c) =>
            c.notNull().references('directory_groups.id').onDelete('cascade'),
          )
          .addColumn('role_id', 'text', (c) => c.notNull().references('roles.id').onDelete('cascade'))
          .addPrimaryKeyConstraint('directory_group_roles_pk', ['group_id', 'role_id'])
          .execute();

        await db.schema
          .createTable('identities')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('organization_id', 'text', (c) =>
            c.notNull().references('organizations.id').onDelete('cascade'),
          )
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('name_key', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('sign_in_external_id', 'text')
          .addColumn('auth_policy_id', 'text', (c) => c.references('auth_policies.id').onDelete('set null'))
          .addColumn('attributes', json, (c) => c.notNull())
          .addColumn('profile', json, (c) => c.notNull())
          .addColumn('source_integration_id', 'text', (c) =>
            c.references('integrations.id').onDelete('set null'),
          )
          .addColumn('scim_resource_id', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('last_synced_at', 'text')
          // Identity names are unique per organization (case-insensitively): a constraint decides races.
          .addUniqueConstraint('identities_org_name_unique', ['organization_id', 'name_key'])
          .execute();
        await db.schema
          .createIndex('identities_source')
          .on('identities')
          .columns(['source_integration_id', 'scim_resource_id'])
          .execute();
        await db.schema
          .createIndex('identities_sign_in_external_id')
          .on('identities')
          .columns(['organization_id', 'sign_in_external_id'])
          .execute();

        await db.schema
          .createTable('identity_groups')
          .addColumn('identity_id', 'text', (c) =>
            c.notNull().references('identities.id').onDelete('cascade'),
          )
          .addColumn('group_id', 'text', (c) =>
            c.notNull().references('directory_groups.id').onDelete('cascade'),
          )
          .addPrimaryKeyConstraint('identity_groups_pk', ['identity_id', 'group_id'])
          .execute();
        await db.schema
          .createIndex('identity_groups_group')
          .on('identity_groups')
          .columns(['group_id'])
          .execute();

        // IdP group → directory group, per integration, by SCIM id or by displayName.
        await db.schema
          .createTable('group_mappings')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('integration_id', 'text', (c) =>
            c.notNull().references('integrations.id').onDelete('cascade'),
          )
          .addColumn('match_by', 'text', (c) => c.notNull())
          .addColumn('idp_group', 'text', (c) => c.notNull())
          .addColumn('directory_group_id', 'text', (c) =>
            c.notNull().references('directory_groups.id').onDelete('cascade'),
          )
          .addColumn('automatic', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('group_mappings_unique', ['integration_id', 'match_by', 'idp_group'])
          .execute();

        // The group name an identity had when it first synced into a group ("first seen" attribute mode).
        await db.schema
          .createTable('identity_group_names')
          .addColumn('identity_id', 'text', (c) =>
            c.notNull().references('identities.id').onDelete('cascade'),
          )
          .addColumn('scim_group_id', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('identity_group_names_pk', ['identity_id', 'scim_group_id'])
          .execute();

        await db.schema
          .createTable('remap_jobs')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('organization_id', 'text', (c) => c.notNull())
          .addColumn('integration_id', 'text', (c) =>
            c.notNull().references('integrations.id').onDelete('cascade'),
          )
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('total', 'integer', (c) => c.notNull())
          .addColumn('processed', 'integer', (c) => c.notNull())
          .addColumn('changed', 'integer', (c) => c.notNull())
          .addColumn('collisions', 'integer', (c) => c.notNull())
          .addColumn('position', 'text')
          .addColumn('error', 'text')
          .addColumn('lease_owner', 'text')
          .addColumn('lease_expires_at', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('remap_jobs_status').on('remap_jobs').columns(['status']).execute();
      },
    },
    '0004_admin_api_keys': {
      async up(db: Kysely<unknown>): Promise<void> {
        // Admin API keys: only the SHA-256 of each key is stored; a revoked key keeps its row (audit).
        await db.schema
          .createTable('admin_api_keys')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('organization_id', 'text', (c) => c.references('organizations.id').onDelete('cascade'))
          .addColumn('key_hash', 'text', (c) => c.notNull().unique())
          .addColumn('hint', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('last_used_at', 'text')
          .addColumn('revoked_at', 'text')
          .execute();
        await db.schema
          .createIndex('admin_api_keys_organization')
          .on('admin_api_keys')
          .columns(['organization_id'])
          .execute();
      },
    },
    '0005_live_resources_index': {
      async up(db: Kysely<unknown>): Promise<void> {
        // Lists, counts and cursor walks only ever see live (not soft-deleted) resources: a partial
        // index in list order covers them, so a count is an index-only scan and a deep page a range.
        await db.schema
          .createIndex('scim_resources_live_order')
          .on('scim_resources')
          // organization_id and deleted_at last: every query names the tenant and the live condition, and
          // the index must cover both for a count to be index-only.
          .columns(['integration_id', 'resource_type', 'created_at', 'id', 'organization_id', 'deleted_at'])
          .where(sql.ref('deleted_at'), 'is', null)
          .execute();
        await db.schema.dropIndex('scim_resources_created').execute();
      },
    },
    '0006_scim_emails': {
      async up(db: Kysely<unknown>): Promise<void> {
        // emails.value is a hot filter (Entra matches users by work email): a row per email, indexed
        // by its case-folded value, lets `emails[type eq "work"].value eq` be an index lookup.
        await db.schema
          .createTable('scim_emails')
          .addColumn('integration_id', 'text', (c) => c.notNull())
          .addColumn('resource_id', 'text', (c) =>
            c.notNull().references('scim_resources.id').onDelete('cascade'),
          )
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('value_key', 'text')
          .addColumn('type_key', 'text')
          .addPrimaryKeyConstraint('scim_emails_pk', ['resource_id', 'position'])
          .execute();
        await db.schema
          .createIndex('scim_emails_value')
          .on('scim_emails')
          .columns(['integration_id', 'value_key'])
          .execute();
        await sql`insert into scim_emails (integration_id, resource_id, position, value_key, type_key) ${dialect.emailRowsOfAllUsers()}`.execute(
          db,
        );
      },
    },
    '0007_installation_settings': {
      async up(db: Kysely<unknown>): Promise<void> {
        // Plain (non-secret) values the whole installation shares; first the public base URL every
        // `roster serve` records at start, so CLI commands print the integration URL the server answers on.
        await db.schema
          .createTable('installation_settings')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0007_integration_name_key': {
      async up(db: Kysely<unknown>): Promise<void> {
        // Integration names become unique per organization in any case, like directory group names: a
        // folded key under a unique index (the constraint decides races). Folded here, in JS, exactly as
        // the repository folds new names (toLowerCase; SQLite's lower() only folds ASCII).
        await db.schema.alterTable('integrations').addColumn('name_key', 'text').execute();
        const rows = await sql<{ id: string; organization_id: string; name: string }>`
          select id, organization_id, name from integrations order by organization_id, created_at, id
        `.execute(db);
        // Installations may already hold names that differ only in case ("okta-prod" beside "OKTA-PROD").
        // Nothing is renamed: the oldest keeps the plain key, each later one is keyed by its name and id,
        // a key no new name can take by accident. No new integration can take any of those names again.
        const taken = new Set<string>();
        for (const row of rows.rows) {
          const folded = row.name.toLowerCase();
          const scoped = `${row.organization_id}/${folded}`;
          const key = taken.has(scoped) ? `${folded}#${row.id}` : folded;
          taken.add(scoped);
          await sql`update integrations set name_key = ${key} where id = ${row.id}`.execute(db);
        }
        await db.schema
          .createIndex('integrations_org_name_key_unique')
          .on('integrations')
          .columns(['organization_id', 'name_key'])
          .unique()
          .execute();
      },
    },
    '0008_identity_sources': identitySourcesMigration(dialect),
    '0009_sign_in': {
      async up(db: Kysely<unknown>): Promise<void> {
        const json = sql.raw(dialect.jsonColumnType);
        // The JWS algorithms a signer's tokens may use; null: the asymmetric family of its key.
        await db.schema.alterTable('jwt_signers').addColumn('algorithms', json).execute();
        // Claims a custom policy requires (e.g. amr containing mfa); null: none.
        await db.schema.alterTable('auth_policies').addColumn('required_claims', json).execute();
        // OAuth 2.0 JWT access tokens (RFC 9068) an integration accepts besides its static token.
        await db.schema.alterTable('integrations').addColumn('oauth_issuer', 'text').execute();
        await db.schema.alterTable('integrations').addColumn('oauth_audience', 'text').execute();
        await db.schema.alterTable('integrations').addColumn('oauth_jwks_url', 'text').execute();

        // Sign-in sessions an app records after a verify. No foreign key on the identity: a session
        // of an identity the IdP deleted must still answer "revoked", not vanish.
        await db.schema
          .createTable('sign_in_sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('organization_id', 'text', (c) =>
            c.notNull().references('organizations.id').onDelete('cascade'),
          )
          .addColumn('identity_id', 'text', (c) => c.notNull())
          .addColumn('signer_id', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('revoked_at', 'text')
          .execute();
        await db.schema
          .createIndex('sign_in_sessions_expiry')
          .on('sign_in_sessions')
          .columns(['expires_at'])
          .execute();
      },
    },
    '0013_resource_counts': resourceCountsMigration(dialect),
    '0015_operator_controls': operatorControlsMigration(),
    '0016_events': eventsMigration(dialect),
    '0017_console_accounts': consoleAccountsMigration,
    '0018_provisioning_log': provisioningLogMigration,
    '0019_security_events': securityEventsMigration,
    '0020_event_resource_index': eventResourceIndexMigration(dialect),
    '0021_schema_extensions': schemaExtensionsMigration(dialect),
    '0022_group_closure': groupClosureMigration(dialect),
  };
}
