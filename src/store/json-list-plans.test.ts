/**
 * The statements that take a list as one JSON parameter (dialect `jsonTextList` / `jsonRecords`) must
 * walk that list and read each row it names by key. SQLite is free to put the list inside the loop
 * instead, walking every identity of the organization and the list once for each: recording the first
 * group names of a 100,000-member group did that, quadratic. Checked on SQLite's own query plans of the
 * statements as Roster compiles them.
 */
import { CompiledQuery, SqliteQueryCompiler, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines, type TestDatabase } from '../../test/support/test-engines.js';
import type { IntegrationScope } from '../directory/model/scope.js';
import { directoryStore } from './directory-store.js';
import { migrateToLatest } from './migrate.js';

const sqlite = testEngines.find((engine) => engine.name === 'sqlite');
if (!sqlite) throw new Error('SQLite is always a test engine');

const NOW = '2026-12-01T00:00:00.000Z';
const ORG = '00000000-0000-7000-8000-000000000001';
const IDP = '00000000-0000-7000-8000-000000000002';

describe('statements bound to a JSON list on SQLite', () => {
  let database: TestDatabase;
  const texts = new Set<string>();
  const compiler = new SqliteQueryCompiler();
  // Sees each statement once, when preparedQuery compiles it (a fresh module: nothing compiled yet).
  const capture: KyselyPlugin = {
    transformQuery: (args) => {
      const text = compiler.compileQuery(args.node, args.queryId).sql;
      if (text.includes('json_each')) texts.add(text);
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };

  beforeAll(async () => {
    database = await sqlite.open();
    await migrateToLatest(database.db, database.dialect);
    const store = directoryStore(database.db.withPlugin(capture), database.dialect);
    await store.organizations.ensure({ id: ORG, name: 'plans', createdAt: NOW });
    const scope: IntegrationScope = { organizationId: ORG, integrationId: IDP };
    // Every statement of the identity store that binds a JSON list, run once so it is compiled.
    await store.identities.setGroups(scope, '00000000-0000-7000-8000-000000000003', ['none']);
    await store.identities.recordFirstSeenGroupNames(scope, [
      { identityId: '00000000-0000-7000-8000-000000000003', scimGroupId: 'g', name: 'G' },
    ]);
  });
  afterAll(() => database.dispose());

  it('compiles the statements under test', () => {
    expect(texts.size).toBeGreaterThanOrEqual(3);
  });

  it('walks the list and reads each identity and group it names by key, never the organization', async () => {
    for (const text of texts) {
      const parameters = [...text.matchAll(/\?/g)].map(() => '[]');
      const plan = await database.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${text}`, parameters),
      );
      const steps = plan.rows.map((row) => row.detail);
      // The list itself is a virtual table (json_each): walking it is the point. A real table walked
      // whole, or rows found by their organization alone, is the plan to refuse.
      const walks = steps.filter(
        (step) =>
          (/^SCAN /.test(step) && !/^SCAN \w+ VIRTUAL TABLE/.test(step)) ||
          /^SEARCH \w+ USING (COVERING )?INDEX \S+ \(organization_id=\?\)$/.test(step),
      );
      expect({ text, walks }).toEqual({ text, walks: [] });
    }
  });
});
