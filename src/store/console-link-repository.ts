import type { Kysely, Selectable } from 'kysely';
import type { ConsoleLink, ConsoleLinkKind } from '../directory/model/console-account.js';
import type { ConsoleLinkRepository } from '../directory/ports/console-account-repository.js';
import type { ConsoleLinksTable, Database } from './database-schema.js';

const toLink = (row: Selectable<ConsoleLinksTable>): ConsoleLink => ({
  id: row.id,
  kind: row.kind as ConsoleLinkKind,
  accountId: row.account_id,
  organizationId: row.organization_id,
  label: row.label,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
  revokedAt: row.revoked_at,
});

export function consoleLinkRepository(db: Kysely<Database>): ConsoleLinkRepository {
  return {
    async insert(link, tokenHash) {
      await db
        .insertInto('console_links')
        .values({
          id: link.id,
          token_hash: tokenHash,
          kind: link.kind,
          account_id: link.accountId,
          organization_id: link.organizationId,
          label: link.label,
          created_at: link.createdAt,
          expires_at: link.expiresAt,
          used_at: link.usedAt,
          revoked_at: link.revokedAt,
        })
        .execute();
    },
    async findByHash(tokenHash) {
      const row = await db
        .selectFrom('console_links')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ? { link: toLink(row), tokenHash: row.token_hash } : undefined;
    },
    async findById(id) {
      const row = await db.selectFrom('console_links').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toLink(row) : undefined;
    },
    async listSetupLinks(organizationId) {
      const rows = await db
        .selectFrom('console_links')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('kind', '=', 'setup')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toLink);
    },
    async spend(id, now) {
      const result = await db
        .updateTable('console_links')
        .set({ used_at: now })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async revokeOpenLinksOf(accountId, now) {
      await db
        .updateTable('console_links')
        .set({ revoked_at: now })
        .where('account_id', '=', accountId)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .execute();
    },
    async revoke(id, now) {
      await db
        .updateTable('console_links')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}
