import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from './open-sqlite.js';

// A table of its own: the driver is below the schema, and these rules hold for any statement.
interface Rows {
  readonly id: string;
}
type TestDb = Kysely<{ rows: Rows }>;

describe('SQLite group commit', () => {
  let dir: string;
  let file: string;
  let db: TestDb;
  /** A connection of its own, as another process would see the file: committed data only. */
  let observer: BetterSqlite3.Database;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'roster-group-commit-'));
    file = join(dir, 'roster.db');
    db = openSqlite(file) as unknown as TestDb;
    await sql`create table rows (id text primary key)`.execute(db);
    observer = new BetterSqlite3(file, { readonly: true });
  });

  afterEach(async () => {
    observer.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const committedIds = () =>
    (observer.prepare('select id from rows order by id').all() as Rows[]).map((row) => row.id);
  const insert = (target: TestDb | Kysely<{ rows: Rows }>, id: string) =>
    target.insertInto('rows').values({ id }).execute();

  it('commits the transactions of one turn together, and each hears so only after the commit', async () => {
    const seenByLaterMember: string[][] = [];
    const first = db.transaction().execute(async (trx) => insert(trx, 'a'));
    const second = db.transaction().execute(async (trx) => {
      // Same SQLite transaction as the first (its row is there), not committed yet (others cannot see it).
      seenByLaterMember.push((await trx.selectFrom('rows').select('id').execute()).map((row) => row.id));
      seenByLaterMember.push(committedIds());
      await insert(trx, 'b');
    });
    await Promise.all([first, second]);
    expect(seenByLaterMember).toEqual([['a'], []]);
    expect(committedIds()).toEqual(['a', 'b']);
  });

  it('never shows a read outside a transaction what the open group has not committed', async () => {
    const writing = db.transaction().execute(async (trx) => insert(trx, 'a'));
    const read = db.selectFrom('rows').select('id').execute();
    const [, rows] = await Promise.all([writing, read]);
    expect(rows).toEqual([]);
    expect(await db.selectFrom('rows').select('id').execute()).toEqual([{ id: 'a' }]);
  });

  it('rolls back only the transaction that failed, by its own error or a constraint', async () => {
    const outcomes = await Promise.allSettled([
      db.transaction().execute(async (trx) => insert(trx, 'a')),
      db.transaction().execute(async (trx) => {
        await insert(trx, 'b');
        throw new Error('refused by the caller');
      }),
      db.transaction().execute(async (trx) => {
        await insert(trx, 'c');
        await insert(trx, 'a'); // primary key taken by the first transaction of the group
      }),
      db.transaction().execute(async (trx) => insert(trx, 'd')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain('refused by the caller');
    expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({
      code: 'SQLITE_CONSTRAINT_PRIMARYKEY',
    });
    expect(committedIds()).toEqual(['a', 'd']);
  });

  it('fails every transaction of a group whose SQLite transaction ended, and keeps none of its work', async () => {
    const outcomes = await Promise.allSettled([
      db.transaction().execute(async (trx) => insert(trx, 'a')),
      db.transaction().execute(async (trx) => {
        await insert(trx, 'b');
        // What a disk-full or I/O error does to the whole transaction: SQLite rolls all of it back.
        await sql`rollback`.execute(trx);
      }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(committedIds()).toEqual([]);
    // The next transaction opens a new group.
    await db.transaction().execute(async (trx) => insert(trx, 'c'));
    expect(committedIds()).toEqual(['c']);
  });

  it('commits the open group before a write outside a transaction runs', async () => {
    const writing = db.transaction().execute(async (trx) => insert(trx, 'a'));
    await insert(db, 'b');
    expect(committedIds()).toEqual(['a', 'b']);
    await writing;
  });

  it('keeps a transaction begun in SQL on the writer, where its reads see its writes (migration 0008)', async () => {
    const seen = await db.connection().execute(async (connection) => {
      await sql`begin`.execute(connection);
      await insert(connection, 'a');
      const rows = await connection.selectFrom('rows').select('id').execute();
      await sql`commit`.execute(connection);
      return rows;
    });
    expect(seen).toEqual([{ id: 'a' }]);
    expect(committedIds()).toEqual(['a']);
  });

  it('commits many transactions of one turn, in groups of bounded size', async () => {
    const ids = Array.from({ length: 150 }, (_, n) => `row-${String(n).padStart(3, '0')}`);
    await Promise.all(ids.map((id) => db.transaction().execute(async (trx) => insert(trx, id))));
    expect(committedIds()).toEqual(ids);
  });

  it('commits the open group when the database is closed', async () => {
    const writing = db.transaction().execute(async (trx) => insert(trx, 'a'));
    await db.destroy();
    await writing;
    db = openSqlite(file) as unknown as TestDb;
    expect(await db.selectFrom('rows').select('id').execute()).toEqual([{ id: 'a' }]);
  });

  it('prepares no new statement for a write transaction once its statements are known, failing ones included', async () => {
    const round = (n: number) =>
      Promise.allSettled(
        [0, 1, 2].map((k) =>
          db.transaction().execute(async (trx) => {
            await insert(trx, `r${n}-${k}`);
            if (k === 1) throw new Error('refused');
          }),
        ),
      );
    await round(0);
    const prepare = BetterSqlite3.prototype.prepare;
    const prepared: string[] = [];
    BetterSqlite3.prototype.prepare = function (this: BetterSqlite3.Database, source: string) {
      prepared.push(source);
      return prepare.call(this, source);
    } as typeof prepare;
    try {
      for (let n = 1; n <= 50; n++) await round(n);
    } finally {
      BetterSqlite3.prototype.prepare = prepare;
    }
    // Every statement text repeats, so the cache answers (a savepoint numbered per transaction did not).
    expect(prepared).toEqual([]);
    expect(committedIds()).toHaveLength(2 * 51);
  });
});
