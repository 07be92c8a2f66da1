/**
 * On PostgreSQL the statements compiled once are prepared once per connection (named statements), and
 * a table changed under one (a migration by another instance) costs one transient failure, not a
 * broken connection.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresTestEngine, type TestDatabase } from '../../../test/support/test-engines.js';
import type { StoreDialect } from '../dialect.js';
import { preparedQuery } from '../prepared-query.js';
import { postgresDialect } from './postgres-dialect.js';

const everyColumn = preparedQuery((db, p: { id: string }) =>
  db
    .selectFrom('scim_probe' as never)
    .selectAll()
    .where('id' as never, '=', p.id as never),
);

describe.skipIf(postgresTestEngine === undefined)('compiled-once statements on PostgreSQL', () => {
  let database: TestDatabase;
  let dialect: StoreDialect;

  beforeAll(async () => {
    database = await (postgresTestEngine as NonNullable<typeof postgresTestEngine>).open();
    dialect = database.dialect;
    await sql`create table scim_probe (id text primary key, name text)`.execute(database.db);
    await sql`insert into scim_probe values ('a', 'Ada'), ('b', 'Bob')`.execute(database.db);
  });
  afterAll(() => database.dispose());

  it('are prepared on the connection once and then run by name, with fresh parameters', async () => {
    await database.db.connection().execute(async (connection) => {
      expect(await everyColumn.rows(connection, dialect, { id: 'a' })).toEqual([{ id: 'a', name: 'Ada' }]);
      expect(await everyColumn.rows(connection, dialect, { id: 'b' })).toEqual([{ id: 'b', name: 'Bob' }]);
      const { rows } = await sql<{ name: string; statement: string }>`
        select name, statement from pg_prepared_statements`.execute(connection);
      const named = rows.filter((row) => row.statement.includes('scim_probe'));
      expect(named).toHaveLength(1);
      expect(named[0]?.name).toMatch(/^roster_[0-9a-f]{24}_\d+$/);
      // An ad-hoc statement is never named.
      await sql`select * from scim_probe where name = ${'Ada'}`.execute(connection);
      const after = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements`.execute(
        connection,
      );
      expect(after.rows[0]?.n).toBe(rows.length);
    });
  });

  it('meet a changed table with one transient failure, then prepare afresh', async () => {
    await database.db.connection().execute(async (connection) => {
      await everyColumn.rows(connection, dialect, { id: 'a' });
      await sql`alter table scim_probe add column title text`.execute(connection);
      const failure = await everyColumn
        .rows(connection, dialect, { id: 'a' })
        .catch((error: unknown) => error);
      expect(postgresDialect.isTransientFailure(failure)).toBe(true);
      expect(await everyColumn.rows(connection, dialect, { id: 'a' })).toEqual([
        { id: 'a', name: 'Ada', title: null },
      ]);
    });
  });
});
