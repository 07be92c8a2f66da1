import type { Kysely, Selectable } from 'kysely';
import type { ConsoleSession } from '../directory/model/console-account.js';
import type { ConsoleSessionRepository } from '../directory/ports/console-account-repository.js';
import type { ConsoleSessionsTable, Database } from './database-schema.js';

const toSession = (row: Selectable<ConsoleSessionsTable>): ConsoleSession => ({
  id: row.id,
  accountId: row.account_id,
  organizationId: row.organization_id,
  setupLinkId: row.setup_link_id,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
});

export function consoleSessionRepository(db: Kysely<Database>): ConsoleSessionRepository {
  return {
    async insert(session, tokenHash) {
      await db
        .insertInto('console_sessions')
        .values({
          id: session.id,
          token_hash: tokenHash,
          account_id: session.accountId,
          organization_id: session.organizationId,
          setup_link_id: session.setupLinkId,
          created_at: session.createdAt,
          last_seen_at: session.lastSeenAt,
          expires_at: session.expiresAt,
          revoked_at: session.revokedAt,
        })
        .execute();
    },
    async findByHash(tokenHash) {
      const row = await db
        .selectFrom('console_sessions')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ? { session: toSession(row), tokenHash: row.token_hash } : undefined;
    },
    async touch(id, now, notBefore) {
      await db
        .updateTable('console_sessions')
        .set({ last_seen_at: now })
        .where('id', '=', id)
        .where('last_seen_at', '<', notBefore)
        .execute();
    },
    async revoke(id, now) {
      await db
        .updateTable('console_sessions')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },
    async revokeAllOf(accountId, now) {
      await db
        .updateTable('console_sessions')
        .set({ revoked_at: now })
        .where('account_id', '=', accountId)
        .where('revoked_at', 'is', null)
        .execute();
    },
    async revokeAllOfLink(linkId, now) {
      await db
        .updateTable('console_sessions')
        .set({ revoked_at: now })
        .where('setup_link_id', '=', linkId)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}
