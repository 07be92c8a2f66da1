import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * RFC 9967 Security Event Tokens (issue 16). A SET receiver is a delivery destination like a webhook
 * endpoint: same cursor into the events feed, same lease, retry and dead-letter columns, same delivery
 * log. So it is a row of `webhook_endpoints` with `kind = 'security_events'`, its `audience` (the SETs'
 * `aud`) and `payload` (`full` or `notice`, RFC 9967 §2.4); its `secret` column holds the sealed
 * Authorization header value the receiver wants (sealed empty when it wants none).
 *
 * The signing keys (ES256) of each organization: the private JWK sealed by the at-rest cipher, the
 * public JWK in clear for the JWKS. The current key is the newest without `retires_at`; a rotated-away
 * key stays in the JWKS until `retires_at` (the overlap).
 *
 * An index on the roles of directory groups by role: a role's change emits group.updated for each
 * group that carries it, found without scanning every grant.
 *
 * Frozen in time once shipped.
 */
export const securityEventsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('webhook_endpoints')
      .addColumn('kind', 'text', (c) => c.notNull().defaultTo('webhook'))
      .execute();
    await db.schema.alterTable('webhook_endpoints').addColumn('audience', 'text').execute();
    await db.schema.alterTable('webhook_endpoints').addColumn('payload', 'text').execute();
    await db.schema
      .createTable('security_event_keys')
      .addColumn('kid', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) =>
        c.notNull().references('organizations.id').onDelete('cascade'),
      )
      .addColumn('private_key', 'text', (c) => c.notNull())
      .addColumn('public_jwk', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('retires_at', 'text')
      .execute();
    await db.schema
      .createIndex('security_event_keys_org')
      .on('security_event_keys')
      .columns(['organization_id', 'created_at'])
      .execute();
    await db.schema
      .createIndex('directory_group_roles_role')
      .on('directory_group_roles')
      .columns(['role_id'])
      .execute();
  },
};
