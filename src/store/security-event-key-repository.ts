import type { Kysely } from 'kysely';
import type { SecurityEventKey } from '../directory/model/security-event-key.js';
import type { SecurityEventKeyRepository } from '../directory/ports/security-event-key-repository.js';
import type { Database, SecurityEventKeysTable } from './database-schema.js';

const toKey = (row: SecurityEventKeysTable): SecurityEventKey => ({
  kid: row.kid,
  organizationId: row.organization_id,
  sealedPrivateKey: row.private_key,
  publicJwk: JSON.parse(row.public_jwk) as Record<string, unknown>,
  createdAt: row.created_at,
  retiresAt: row.retires_at,
});

export function securityEventKeyRepository(db: Kysely<Database>): SecurityEventKeyRepository {
  return {
    async insert(key) {
      await db
        .insertInto('security_event_keys')
        .values({
          kid: key.kid,
          organization_id: key.organizationId,
          private_key: key.sealedPrivateKey,
          public_jwk: JSON.stringify(key.publicJwk),
          created_at: key.createdAt,
          retires_at: key.retiresAt,
        })
        .execute();
    },
    async current(scope) {
      const row = await db
        .selectFrom('security_event_keys')
        .selectAll()
        .where('organization_id', '=', scope.organizationId)
        .where('retires_at', 'is', null)
        .orderBy('created_at', 'desc')
        .orderBy('kid', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toKey(row) : undefined;
    },
    async published(scope, now) {
      const rows = await db
        .selectFrom('security_event_keys')
        .selectAll()
        .where('organization_id', '=', scope.organizationId)
        .where((eb) => eb.or([eb('retires_at', 'is', null), eb('retires_at', '>', now)]))
        .orderBy('created_at', 'desc')
        .orderBy('kid', 'desc')
        .limit(20)
        .execute();
      return rows.map(toKey);
    },
    async retireCurrent(scope, retiresAt) {
      const result = await db
        .updateTable('security_event_keys')
        .set({ retires_at: retiresAt })
        .where('organization_id', '=', scope.organizationId)
        .where('retires_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async listInInstallation() {
      const rows = await db.selectFrom('security_event_keys').selectAll().orderBy('kid').execute();
      return rows.map(toKey);
    },
    async replaceSealed(kid, was, now) {
      const result = await db
        .updateTable('security_event_keys')
        .set({ private_key: now })
        .where('kid', '=', kid)
        .where('private_key', '=', was)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
