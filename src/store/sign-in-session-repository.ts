import type { Kysely } from 'kysely';
import type { IdentityStatus } from '../directory/model/identity.js';
import type { SignInSession } from '../directory/model/sign-in-session.js';
import type { SignInSessionRepository } from '../directory/ports/sign-in-session-repository.js';
import type { Database, SignInSessionsTable } from './database-schema.js';

const toSession = (row: SignInSessionsTable): SignInSession => ({
  id: row.id,
  organizationId: row.organization_id,
  identityId: row.identity_id,
  signerId: row.signer_id,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
});

export function signInSessionRepository(db: Kysely<Database>): SignInSessionRepository {
  return {
    async insert(session) {
      await db
        .insertInto('sign_in_sessions')
        .values({
          id: session.id,
          organization_id: session.organizationId,
          identity_id: session.identityId,
          signer_id: session.signerId,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
          revoked_at: session.revokedAt,
        })
        .execute();
    },
    async find(scope, id) {
      // The identity's status comes from its row, now: a session is never more valid than its identity.
      const row = await db
        .selectFrom('sign_in_sessions as s')
        .leftJoin('identities as i', (join) =>
          join.onRef('i.id', '=', 's.identity_id').onRef('i.organization_id', '=', 's.organization_id'),
        )
        .selectAll('s')
        .select('i.status as identity_status')
        .where('s.organization_id', '=', scope.organizationId)
        .where('s.id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      const { identity_status, ...session } = row;
      return {
        session: toSession(session),
        identityStatus: (identity_status ?? undefined) as IdentityStatus | undefined,
      };
    },
    async revoke(scope, id, now) {
      await db
        .updateTable('sign_in_sessions')
        .set({ revoked_at: now })
        .where('organization_id', '=', scope.organizationId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
      const row = await db
        .selectFrom('sign_in_sessions')
        .selectAll()
        .where('organization_id', '=', scope.organizationId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toSession(row) : undefined;
    },
    async pruneExpired(before) {
      const result = await db
        .deleteFrom('sign_in_sessions')
        .where('expires_at', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
