import { sql, type Kysely, type Selectable } from 'kysely';
import type { StoredConsoleAccount } from '../directory/model/console-account.js';
import type { ConsoleAccountRepository } from '../directory/ports/console-account-repository.js';
import type { ConsoleAccountsTable, Database } from './database-schema.js';

const toStored = (row: Selectable<ConsoleAccountsTable>): StoredConsoleAccount => ({
  account: {
    id: row.id,
    email: row.email,
    organizationId: row.organization_id,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    lastSignInAt: row.last_sign_in_at,
    hasPassword: row.password_hash !== null,
  },
  passwordHash: row.password_hash,
  failedSignIns: Number(row.failed_sign_ins),
  lockedUntil: row.locked_until,
});

/** Emails are compared in any case (RFC 5321 leaves the local part's case to the host; people don't). */
export const emailKey = (email: string) => email.toLowerCase();

export function consoleAccountRepository(db: Kysely<Database>): ConsoleAccountRepository {
  return {
    async insert(account, passwordHash) {
      const result = await db
        .insertInto('console_accounts')
        .values({
          id: account.id,
          email: account.email,
          email_key: emailKey(account.email),
          organization_id: account.organizationId,
          password_hash: passwordHash,
          created_at: account.createdAt,
          disabled_at: account.disabledAt,
          last_sign_in_at: account.lastSignInAt,
          failed_sign_ins: 0,
          locked_until: null,
        })
        .onConflict((oc) => oc.column('email_key').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async findByEmail(email) {
      const row = await db
        .selectFrom('console_accounts')
        .selectAll()
        .where('email_key', '=', emailKey(email))
        .executeTakeFirst();
      return row ? toStored(row) : undefined;
    },
    async findById(id) {
      const row = await db.selectFrom('console_accounts').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toStored(row) : undefined;
    },
    async list(organizationId) {
      let query = db.selectFrom('console_accounts').selectAll().orderBy('created_at').orderBy('id');
      if (organizationId !== undefined) query = query.where('organization_id', '=', organizationId);
      return (await query.execute()).map((row) => toStored(row).account);
    },
    async count() {
      const row = await db
        .selectFrom('console_accounts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async setPassword(id, passwordHash) {
      await db
        .updateTable('console_accounts')
        .set({ password_hash: passwordHash, failed_sign_ins: 0, locked_until: null })
        .where('id', '=', id)
        .execute();
    },
    async setDisabled(id, disabledAt) {
      await db
        .updateTable('console_accounts')
        .set({ disabled_at: disabledAt })
        .where('id', '=', id)
        .execute();
    },
    async recordFailedSignIn(id, limit, lockUntil) {
      // One statement, so racing failures all count: the counter restarts once a lock is set.
      await db
        .updateTable('console_accounts')
        .set({
          failed_sign_ins: sql<number>`case when failed_sign_ins + 1 >= ${limit} then 0 else failed_sign_ins + 1 end`,
          locked_until: sql<
            string | null
          >`case when failed_sign_ins + 1 >= ${limit} then ${lockUntil} else locked_until end`,
        })
        .where('id', '=', id)
        .execute();
    },
    async recordSignIn(id, now) {
      await db
        .updateTable('console_accounts')
        .set({ last_sign_in_at: now, failed_sign_ins: 0, locked_until: null })
        .where('id', '=', id)
        .execute();
    },
    async delete(id) {
      const result = await db.deleteFrom('console_accounts').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
