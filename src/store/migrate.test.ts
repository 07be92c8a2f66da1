import { defaultIntegrationSettings } from '../directory/model/integration-settings.js';
import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { describe, expect, it } from 'vitest';
import { testEngines, type TestDatabase } from '../../test/support/test-engines.js';
import { directoryStore } from './directory-store.js';
import { isAtLatestMigration, migrateToLatest } from './migrate.js';
import { migrations } from './migrations.js';

/** The database as the release before migration `first` left it. */
async function migrateBefore(database: TestDatabase, first: string): Promise<void> {
  const all = migrations(database.dialect);
  const before = Object.fromEntries(Object.entries(all).filter(([name]) => name < first));
  const schema = database.dialect.hasSchemas
    ? (await sql<{ s: string }>`select current_schema() as s`.execute(database.db)).rows[0]?.s
    : undefined;
  const old = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => before },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  expect((await old.migrateToLatest()).error).toBeUndefined();
}

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

  it('fill the group closure from the memberships already stored and keep older integrations on direct nesting (0022)', async () => {
    const database = await engine.open();
    try {
      await migrateBefore(database, '0022');
      const now = '2026-01-01T00:00:00.000Z';
      await sql`insert into organizations (id, name, created_at) values ('org', 'org', ${now})`.execute(
        database.db,
      );
      await sql`insert into integrations (id, organization_id, name, idp, created_at, name_key, settings)
        values ('idp', 'org', 'idp', 'okta', ${now}, 'idp', ${JSON.stringify({ identityName: 'userName' })})`.execute(
        database.db,
      );
      const scope = { organizationId: 'org', integrationId: 'idp' };
      const store = directoryStore(database.db, database.dialect);
      const group = (id: string) => ({
        id,
        resourceType: 'Group' as const,
        attributes: { displayName: id },
        version: 1,
        created: now,
        lastModified: now,
      });
      // a ∋ b ∋ c ∋ a (a cycle), and d alone.
      await store.scimResources.insert(scope, group('a'), [], 'h');
      await store.scimResources.insert(scope, group('b'), [], 'h');
      await store.scimResources.insert(scope, group('c'), [{ id: 'a', type: 'Group' }], 'h');
      await store.scimResources.insert(scope, group('d'), [], 'h');
      await store.scimResources.addMembers(scope, 'a', [{ id: 'b', type: 'Group' }]);
      await store.scimResources.addMembers(scope, 'b', [{ id: 'c', type: 'Group' }]);

      expect((await migrateToLatest(database.db, database.dialect)).applied).toContain('0022_group_closure');
      const rows = await database.db
        .selectFrom('scim_group_closure')
        .select(['ancestor_id', 'descendant_id'])
        .where('integration_id', '=', 'idp')
        .execute();
      expect(rows.map((r) => `${r.ancestor_id}>${r.descendant_id}`).sort()).toEqual([
        'a>b',
        'a>c',
        'b>a',
        'b>c',
        'c>a',
        'c>b',
      ]);
      expect((await store.integrations.settings(scope))?.groupNesting).toBe('direct');
      expect(defaultIntegrationSettings.groupNesting).toBe('nested');
    } finally {
      await database.dispose();
    }
  });

  it('give integrations a folded name key, keeping names that already differ only in case', async () => {
    const database = await engine.open();
    try {
      // The database as the release before 0007 left it, holding names that differ only in case.
      await migrateBefore(database, '0007');
      const at = (minute: number) => `2026-01-01T00:0${minute}:00.000Z`;
      for (const [id, name] of [
        ['org-a', 'a'],
        ['org-b', 'b'],
      ])
        await sql`insert into organizations (id, name, created_at) values (${id}, ${name}, ${at(0)})`.execute(
          database.db,
        );
      for (const [id, org, name, minute] of [
        ['i-1', 'org-a', 'okta-prod', 1],
        ['i-2', 'org-a', 'OKTA-PROD', 2],
        ['i-3', 'org-a', 'Okta-Prod', 3],
        ['i-4', 'org-b', 'OKTA-prod', 4],
      ] as const)
        await sql`insert into integrations (id, organization_id, name, idp, created_at)
          values (${id}, ${org}, ${name}, 'okta', ${at(minute)})`.execute(database.db);

      expect((await migrateToLatest(database.db, database.dialect)).applied).toContain(
        '0007_integration_name_key',
      );
      const rows = await database.db
        .selectFrom('integrations')
        .select(['id', 'name', 'name_key'])
        .orderBy('id')
        .execute();
      // Nothing renamed; the oldest holds the plain key, later ones are keyed by name and id.
      expect(rows).toEqual([
        { id: 'i-1', name: 'okta-prod', name_key: 'okta-prod' },
        { id: 'i-2', name: 'OKTA-PROD', name_key: 'okta-prod#i-2' },
        { id: 'i-3', name: 'Okta-Prod', name_key: 'okta-prod#i-3' },
        { id: 'i-4', name: 'OKTA-prod', name_key: 'okta-prod' },
      ]);

      const store = directoryStore(database.db, database.dialect);
      const integration = (id: string, organizationId: string, name: string) => ({
        id,
        organizationId,
        name,
        idp: 'okta' as const,
        createdAt: at(5),
        tokenCreatedAt: null,
        tokenExpiresAt: null,
        pausedAt: null,
      });
      // From now on no new integration takes any of those names, in any case; other names are free.
      expect(
        await store.integrations.insert(
          integration('i-5', 'org-a', 'OKTA-Prod'),
          'h5',
          defaultIntegrationSettings,
        ),
      ).toBe(false);
      expect(
        await store.integrations.insert(
          integration('i-6', 'org-b', 'okta-PROD'),
          'h6',
          defaultIntegrationSettings,
        ),
      ).toBe(false);
      expect(
        await store.integrations.insert(
          integration('i-7', 'org-a', 'Entra'),
          'h7',
          defaultIntegrationSettings,
        ),
      ).toBe(true);
      expect(
        await store.integrations.insert(
          integration('i-8', 'org-a', 'ENTRA'),
          'h8',
          defaultIntegrationSettings,
        ),
      ).toBe(false);
      // A name finds the integration of exactly that name first, else the one in another case.
      expect((await store.integrations.findByName({ organizationId: 'org-a' }, 'OKTA-PROD'))?.id).toBe('i-2');
      expect((await store.integrations.findByName({ organizationId: 'org-a' }, 'okta-PROD'))?.id).toBe('i-1');
      expect((await store.integrations.findByName({ organizationId: 'org-a' }, 'entra'))?.id).toBe('i-7');
    } finally {
      await database.dispose();
    }
  });
});
