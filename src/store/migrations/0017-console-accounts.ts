import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The web console (issue 18): its accounts, their sessions, and one-time links (the first account,
 * invitations, password resets, self-serve setup links). Secrets are stored as hashes only: passwords
 * as scrypt, link and session tokens as SHA-256 (they carry 256 bits, so a fast hash is enough).
 *
 * Frozen in time: it creates tables and touches no rows.
 */
export const consoleAccountsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('console_accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull())
      // The email folded to lower case: one account per address, whatever its case.
      .addColumn('email_key', 'text', (c) => c.notNull().unique())
      // null: installation-wide.
      .addColumn('organization_id', 'text', (c) => c.references('organizations.id').onDelete('cascade'))
      .addColumn('password_hash', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('disabled_at', 'text')
      .addColumn('last_sign_in_at', 'text')
      .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .execute();
    await db.schema
      .createIndex('console_accounts_organization')
      .on('console_accounts')
      .columns(['organization_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('console_links')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('account_id', 'text', (c) => c.references('console_accounts.id').onDelete('cascade'))
      .addColumn('organization_id', 'text', (c) => c.references('organizations.id').onDelete('cascade'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema
      .createIndex('console_links_organization')
      .on('console_links')
      .columns(['organization_id', 'kind', 'created_at'])
      .execute();
    await db.schema
      .createIndex('console_links_account')
      .on('console_links')
      .columns(['account_id'])
      .execute();

    await db.schema
      .createTable('console_sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('account_id', 'text', (c) => c.references('console_accounts.id').onDelete('cascade'))
      .addColumn('organization_id', 'text', (c) => c.references('organizations.id').onDelete('cascade'))
      .addColumn('setup_link_id', 'text', (c) => c.references('console_links.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema
      .createIndex('console_sessions_account')
      .on('console_sessions')
      .columns(['account_id'])
      .execute();
    await db.schema
      .createIndex('console_sessions_setup_link')
      .on('console_sessions')
      .columns(['setup_link_id'])
      .execute();
  },
};
