/**
 * On PostgreSQL a write transaction's BEGIN travels with its first statement, and a deferrable write
 * (deferred-writes.ts) with the statement or COMMIT after it; errors keep their meaning: a deferred
 * write that fails is the transaction's error, nothing of the transaction is kept, and the statement it
 * surfaced at is not blamed for it.
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { countPostgresRoundTrips } from '../../../bench/extra/postgres-round-trips.js';
import { postgresTestEngine, type TestDatabase } from '../../../test/support/test-engines.js';
import type { Database } from '../database-schema.js';
import { deferrableWrite } from '../deferred-writes.js';
import { postgresDialect } from './postgres-dialect.js';

const DEFERRED_INSERT = deferrableWrite('insert into probe (id) select $1');

describe.skipIf(postgresTestEngine === undefined)('pipelined transactions on PostgreSQL', () => {
  let database: TestDatabase;
  let db: Kysely<Database>;
  let roundTrips: ReturnType<typeof countPostgresRoundTrips>;
  const ids = async () =>
    (await sql<{ id: string }>`select id from probe order by id`.execute(db)).rows.map((r) => r.id);
  const insert = (trx: Kysely<Database>, id: string) =>
    sql`insert into probe (id) values (${id})`.execute(trx);
  const deferredInsert = (trx: Kysely<Database>, id: string) =>
    trx.executeQuery(CompiledQuery.raw(DEFERRED_INSERT, [id]));

  beforeAll(async () => {
    // Before the pool connects: the counter sees the connections it makes.
    roundTrips = countPostgresRoundTrips();
    database = await (postgresTestEngine as NonNullable<typeof postgresTestEngine>).open();
    db = database.db;
    await sql`create table probe (id text primary key)`.execute(db);
  });
  afterAll(async () => {
    roundTrips.restore();
    await database.dispose();
  });
  beforeEach(async () => {
    await sql`delete from probe`.execute(db);
  });

  it('send BEGIN with the first statement and COMMIT with the deferred write: two round trips, not four', async () => {
    roundTrips.reset();
    await db.transaction().execute(async (trx) => {
      await insert(trx, 'a');
      await deferredInsert(trx, 'b');
    });
    expect(roundTrips.count()).toBe(2);
    expect(await ids()).toEqual(['a', 'b']);
  });

  it('keep nothing of a transaction whose deferred write fails, and fail with that write’s error', async () => {
    await insert(db, 'taken');
    const failure = await db
      .transaction()
      .execute(async (trx) => {
        await insert(trx, 'a');
        await deferredInsert(trx, 'taken');
        return 'committed';
      })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: '23505' });
    expect(await ids()).toEqual(['taken']);
    // The connections are sound afterwards.
    await db.transaction().execute(async (trx) => {
      await insert(trx, 'c');
      await deferredInsert(trx, 'd');
    });
    expect(await ids()).toEqual(['c', 'd', 'taken']);
  });

  it('fail the next statement with a deferred write’s error, never taken for that statement’s own conflict', async () => {
    await insert(db, 'taken');
    let surfaced: unknown;
    const failure = await db
      .transaction()
      .execute(async (trx) => {
        await deferredInsert(trx, 'taken');
        try {
          await insert(trx, 'after');
        } catch (error) {
          surfaced = error;
          throw error;
        }
      })
      .catch((error: unknown) => error);
    expect(surfaced).toBe(failure);
    expect(failure).toMatchObject({ code: '23505', constraint: 'probe_pkey' });
    // A caller mapping its own unique violation (a name taken) must not see one here.
    expect(postgresDialect.isUniqueViolation(failure)).toBe(false);
    expect(postgresDialect.isUniqueViolation(await insert(db, 'taken').catch((e: unknown) => e))).toBe(true);
    expect(await ids()).toEqual(['taken']);
  });

  it('roll back what was sent ahead when the transaction fails after it', async () => {
    const failure = await db
      .transaction()
      .execute(async (trx) => {
        await deferredInsert(trx, 'a');
        throw new Error('refused after the write');
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe('refused after the write');
    expect(await ids()).toEqual([]);
  });

  it('fail a transaction whose first statement fails, with that statement’s error', async () => {
    await insert(db, 'taken');
    const failure = await db
      .transaction()
      .execute(async (trx) => {
        await insert(trx, 'taken');
      })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: '23505' });
    await db.transaction().execute(async (trx) => insert(trx, 'next'));
    expect(await ids()).toEqual(['next', 'taken']);
  });

  it('run a deferrable write outside a transaction at once, with its own error', async () => {
    await deferredInsert(db, 'alone');
    expect(await ids()).toEqual(['alone']);
    await expect(deferredInsert(db, 'alone')).rejects.toMatchObject({ code: '23505' });
  });

  it('keep concurrent transactions on one pool apart', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        db.transaction().execute(async (trx) => {
          await insert(trx, `x${String(n).padStart(2, '0')}`);
          await deferredInsert(trx, `y${String(n).padStart(2, '0')}`);
        }),
      ),
    );
    const all = await ids();
    expect(all).toHaveLength(40);
    expect(all.filter((id) => id.startsWith('y'))).toHaveLength(20);
  });
});
