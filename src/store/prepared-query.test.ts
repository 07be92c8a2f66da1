import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines, type TestDatabase } from '../../test/support/test-engines.js';
import { migrateToLatest } from './migrate.js';
import { preparedQuery } from './prepared-query.js';

const ORG = '00000000-0000-7000-8000-000000000001';

describe.each(testEngines)('a prepared query on $name', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database.db, database.dialect);
    await database.db
      .insertInto('organizations')
      .values([
        { id: ORG, name: 'north', created_at: '2026-01-01T00:00:00.000Z' },
        { id: ORG.replace(/1$/, '2'), name: 'south', created_at: '2026-01-02T00:00:00.000Z' },
      ])
      .execute();
  });
  afterAll(() => database.dispose());

  const byName = preparedQuery((db, p: { name: string }) =>
    db.selectFrom('organizations').select(['id', 'name']).where('name', '=', p.name),
  );

  it('answers like the query built each time, with each run’s own parameters', async () => {
    const { db, dialect } = database;
    expect(await byName.first(db, dialect, { name: 'north' })).toEqual({ id: ORG, name: 'north' });
    expect(await byName.first(db, dialect, { name: 'south' })).toEqual({
      id: ORG.replace(/1$/, '2'),
      name: 'south',
    });
    expect(await byName.first(db, dialect, { name: 'nowhere' })).toBeUndefined();
    expect(await byName.rows(db, dialect, { name: 'north' })).toEqual(
      await db.selectFrom('organizations').select(['id', 'name']).where('name', '=', 'north').execute(),
    );
  });

  it('keeps constants the builder wrote and binds a parameter used twice in both places', async () => {
    const { db, dialect } = database;
    const query = preparedQuery((db, p: { low: string; high: string }) =>
      db
        .selectFrom('organizations')
        .select('name')
        .where('created_at', '>=', p.low)
        .where('created_at', '<=', p.high)
        .where('name', '<>', 'nobody')
        .orderBy('name'),
    );
    const names = async (low: string, high: string) =>
      (await query.rows(db, dialect, { low, high })).map((r) => r.name);
    expect(await names('2026-01-01', '2026-12-31')).toEqual(['north', 'south']);
    expect(await names('2026-01-02', '2026-12-31')).toEqual(['south']);
    const twice = preparedQuery((db, p: { name: string }) =>
      db
        .selectFrom('organizations')
        .select('id')
        .where((eb) => eb.or([eb('name', '=', p.name), eb('id', '=', p.name)])),
    );
    expect(await twice.rows(db, dialect, { name: ORG })).toEqual([{ id: ORG }]);
  });

  it('runs inside a transaction, on the transaction’s connection', async () => {
    const { db, dialect } = database;
    const seen = await db.transaction().execute(async (trx) => {
      await trx.updateTable('organizations').set({ name: 'north-renamed' }).where('id', '=', ORG).execute();
      return byName.first(trx, dialect, { name: 'north-renamed' });
    });
    expect(seen?.id).toBe(ORG);
    const write = preparedQuery((db, p: { id: string; name: string }) =>
      db.updateTable('organizations').set({ name: p.name }).where('id', '=', p.id),
    );
    expect(await write.affected(db, dialect, { id: ORG, name: 'north' })).toBe(1);
    expect(await write.affected(db, dialect, { id: 'missing', name: 'x' })).toBe(0);
  });

  it('refuses a parameter spliced into the SQL text instead of bound', () => {
    const { db, dialect } = database;
    const spliced = preparedQuery((db, p: { column: string }) =>
      db.selectFrom('organizations').select(sql.ref(p.column).as('x')),
    );
    return expect(spliced.rows(db, dialect, { column: 'name' })).rejects.toThrow(
      /not bound as values: column/,
    );
  });
});
