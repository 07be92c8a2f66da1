import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../../test/support/test-engines.js';
import { isAtLatestMigration, migrateToLatest } from './migrate.js';
import { migrations } from './migrations.js';

describe.each(testEngines)('migrations on $name', (engine) => {
  it('take an empty database to the latest schema, and a second run is a no-op', async () => {
    const database = await engine.open();
    try {
      expect(await isAtLatestMigration(database.db, database.dialect)).toBe(false);
      const first = await migrateToLatest(database.db, database.dialect);
      expect(first.applied).toEqual(Object.keys(migrations(database.dialect)));
      expect(await isAtLatestMigration(database.db, database.dialect)).toBe(true);

      const second = await migrateToLatest(database.db, database.dialect);
      expect(second.applied).toEqual([]);

      for (const table of ['organizations', 'integrations', 'scim_resources', 'scim_memberships'] as const) {
        const rows = await database.db
          .selectFrom(table)
          .select(sql<number>`count(*)`.as('n'))
          .execute();
        expect(Number(rows[0]?.n)).toBe(0);
      }
    } finally {
      await database.dispose();
    }
  });

  it('run once when two migrators start together', async () => {
    const database = await engine.open();
    try {
      const results = await Promise.all([
        migrateToLatest(database.db, database.dialect),
        migrateToLatest(database.db, database.dialect),
      ]);
      const applied = results.flatMap((r) => r.applied);
      expect(applied).toEqual(Object.keys(migrations(database.dialect)));
    } finally {
      await database.dispose();
    }
  });

  it('leave a database migrated by a newer release alone (rolling upgrade)', async () => {
    const database = await engine.open();
    try {
      await migrateToLatest(database.db, database.dialect);
      await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2099-01-01T00:00:00.000Z')`.execute(
        database.db,
      );
      expect((await migrateToLatest(database.db, database.dialect)).applied).toEqual([]);
    } finally {
      await database.dispose();
    }
  });
});
