/**
 * On PostgreSQL the statements sent in one turn of the event loop leave in one socket write
 * (coalesced-writes.ts): a transaction's BEGIN with its first statement, a deferred write with the
 * COMMIT after it.
 */
import { Socket } from 'node:net';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresTestEngine, type TestDatabase } from '../../../test/support/test-engines.js';
import type { Database } from '../database-schema.js';
import { deferrableWrite } from '../deferred-writes.js';

const DEFERRED_INSERT = deferrableWrite('insert into coalesced_probe (id) select $1');

type Write = (this: Socket, ...args: unknown[]) => unknown;

/** Counts the writes handed to the kernel by every socket of this process while `run` runs. */
async function socketWritesDuring(run: () => Promise<void>): Promise<number> {
  const prototype = Socket.prototype as unknown as { _write: Write; _writev: Write };
  const { _write: write, _writev: writev } = prototype;
  let writes = 0;
  prototype._write = function (...args) {
    writes++;
    return write.apply(this, args);
  };
  prototype._writev = function (...args) {
    writes++;
    return writev.apply(this, args);
  };
  try {
    await run();
  } finally {
    prototype._write = write;
    prototype._writev = writev;
  }
  return writes;
}

describe.skipIf(postgresTestEngine === undefined)('coalesced writes on PostgreSQL', () => {
  let database: TestDatabase;
  let db: Kysely<Database>;

  beforeAll(async () => {
    database = await (postgresTestEngine as NonNullable<typeof postgresTestEngine>).open();
    db = database.db;
    await sql`create table coalesced_probe (id text primary key)`.execute(db);
  });
  afterAll(() => database.dispose());

  it('write a transaction of four statements in two writes: BEGIN with the first, the deferred one with COMMIT', async () => {
    // Warm: the pool's connection exists, so connecting is not counted.
    await sql`select 1`.execute(db);
    const writes = await socketWritesDuring(() =>
      db.transaction().execute(async (trx) => {
        await sql`insert into coalesced_probe (id) values (${'a'})`.execute(trx);
        await trx.executeQuery(CompiledQuery.raw(DEFERRED_INSERT, ['b']));
      }),
    );
    expect(writes).toBe(2);
    const rows = await sql<{ id: string }>`select id from coalesced_probe order by id`.execute(db);
    expect(rows.rows.map((row) => row.id)).toEqual(['a', 'b']);
  });

  it('write the statements of concurrent requests on one connection, each answered with its own rows', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, n) => sql<{ n: number }>`select ${n}::int as n`.execute(db)),
    );
    expect(answers.map((answer) => answer.rows[0]?.n)).toEqual(Array.from({ length: 20 }, (_, n) => n));
  });
});
