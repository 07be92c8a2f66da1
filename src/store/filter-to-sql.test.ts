import { defaultIntegrationSettings } from '../directory/model/integration-settings.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arbitraryUserFilter } from '../core/filter/filter.arbitrary.js';
import { evaluateFilter } from '../core/filter/evaluate-filter.js';
import { filterCases } from '../core/filter/filter.cases.js';
import { fixtures, type FixtureResource } from '../core/filter/filter.fixtures.js';
import { parseFilter } from '../core/filter/parse-filter.js';
import { canonicalDateTime } from '../core/filter/parse-date-time.js';
import { resolveFilter } from '../core/filter/resolve-filter.js';
import type { ResolvedFilter } from '../core/filter/filter-ast.js';
import { coerceResource } from '../core/resource/coerce-resource.js';
import type { JsonObject } from '../core/resource/json.js';
import { resourceTypeNamed, type ResourceTypeName } from '../core/schema/resource-types.js';
import type { IntegrationScope } from '../directory/model/scope.js';
import type { DirectoryStore } from '../directory/ports/directory-store.js';
import { resourceRepresentation } from '../directory/scim/resource-representation.js';
import { testEngines, type TestDatabase, type TestEngine } from '../../test/support/test-engines.js';
import { directoryStore } from './directory-store.js';
import { migrateToLatest } from './migrate.js';

const BASE = 'https://roster.example/scim/v2';
const sorted = (ids: string[]) => [...ids].sort();

/**
 * Fixture details the store derives instead of storing as written: meta.version is a counter (the
 * fixtures use free text), a member id naming no resource ("U5") cannot be a membership row, and
 * member and group display names come from the referenced resource, and manager.displayName is
 * read-only (clients cannot write it).
 */
const NOT_STORABLE_AS_WRITTEN = [/meta\.version/, /members/, /groups/, /manager\.displayName/];
const NOW = '2025-01-01T00:00:00.000Z';

function compile(type: ResourceTypeName, text: string): ResolvedFilter {
  const parsed = parseFilter(text);
  if (!parsed.ok) throw new Error(`fixture filter does not parse: ${text}`);
  const resolved = resolveFilter(resourceTypeNamed(type), parsed.value);
  if (!resolved.ok) throw new Error(`fixture filter does not resolve: ${text}: ${resolved.error.reason}`);
  return resolved.value;
}

async function loadFixtures(store: DirectoryStore, scope: IntegrationScope): Promise<void> {
  const insert = async (
    type: ResourceTypeName,
    fixture: FixtureResource,
    members: { id: string; type: ResourceTypeName }[],
  ) => {
    const meta = fixture.meta as { created: string; lastModified: string };
    const { members: _ignored, ...attributes } = coerceResource(resourceTypeNamed(type), fixture);
    await store.scimResources.insert(
      scope,
      {
        id: String(fixture.id),
        resourceType: type,
        attributes,
        version: 1,
        created: canonicalDateTime(meta.created) ?? NOW,
        lastModified: canonicalDateTime(meta.lastModified) ?? NOW,
      },
      members,
      null,
    );
  };
  for (const user of fixtures.User) await insert('User', user, []);
  const ids = new Set([...fixtures.User, ...fixtures.Group].map((r) => String(r.id)));
  // Groups first without members (members may be groups), then with them.
  for (const group of fixtures.Group) await insert('Group', { ...group, members: [] }, []);
  for (const group of fixtures.Group) {
    const members = ((group.members ?? []) as { value: string; type: ResourceTypeName }[])
      // A member id that names no resource cannot be stored (membership rows reference resources).
      .filter((m) => ids.has(m.value))
      .map((m) => ({ id: m.value, type: m.type }));
    const stored = await store.scimResources.findById(scope, 'Group', String(group.id));
    if (stored)
      await store.scimResources.replace(
        scope,
        'Group',
        stored.id,
        stored.attributes,
        stored.lastModified,
        members,
      );
  }
}

/** The same resources as the server would send them: the evaluator's input. */
async function representations(store: DirectoryStore, scope: IntegrationScope, type: ResourceTypeName) {
  const page = await store.scimResources.list(scope, type, {
    filter: undefined,
    baseUrl: BASE,
    sort: undefined,
    page: { kind: 'offset', offset: 0, limit: 1000 },
    withTotal: true,
  });
  const out: JsonObject[] = [];
  for (const stored of page.resources) {
    const related =
      type === 'Group'
        ? { members: await store.scimResources.membersOf(scope, stored.id) }
        : { groups: await store.scimResources.groupsOf(scope, stored.id) };
    const wire = resourceRepresentation(`${BASE}`, resourceTypeNamed(stored.resourceType), stored, related);
    // The fixtures' versions are free text; the store's are counters. Compare like with like.
    out.push(wire);
  }
  return out;
}

/** A fresh database of either engine holding the filter fixtures in one integration. */
async function openFixtureDirectory(
  engine: TestEngine,
): Promise<{ database: TestDatabase; store: DirectoryStore; scope: IntegrationScope }> {
  const database = await engine.open();
  await migrateToLatest(database.db, database.dialect);
  const store = directoryStore(database.db, database.dialect);
  const organization = await store.organizations.ensure({ id: 'org-1', name: 'default', createdAt: NOW });
  await store.integrations.insert(
    {
      id: 'int-1',
      organizationId: organization.id,
      name: 'fixtures',
      idp: 'generic',
      createdAt: NOW,
      tokenCreatedAt: null,
      tokenExpiresAt: null,
      pausedAt: null,
    },
    'hash',
    defaultIntegrationSettings,
  );
  const scope = { organizationId: organization.id, integrationId: 'int-1' };
  await loadFixtures(store, scope);
  return { database, store, scope };
}

describe.each(testEngines)(
  'the SQL filter compiler on $name agrees with the in-memory evaluator',
  (engine) => {
    let database: TestDatabase;
    let store: DirectoryStore;
    let scope: IntegrationScope;
    const wire: Record<ResourceTypeName, JsonObject[]> = { User: [], Group: [] };

    beforeAll(async () => {
      ({ database, store, scope } = await openFixtureDirectory(engine));
      wire.User = await representations(store, scope, 'User');
      wire.Group = await representations(store, scope, 'Group');
    });
    afterAll(() => database.dispose());

    it('stored every fixture', () => {
      expect(sorted(wire.User.map((u) => String(u.id)))).toEqual(
        sorted(fixtures.User.map((u) => String(u.id))),
      );
      expect(sorted(wire.Group.map((g) => String(g.id)))).toEqual(
        sorted(fixtures.Group.map((g) => String(g.id))),
      );
    });

    for (const testCase of filterCases) {
      it(`${testCase.resourceType}: ${testCase.filter}`, async () => {
        const filter = compile(testCase.resourceType, testCase.filter);
        const page = await store.scimResources.list(scope, testCase.resourceType, {
          filter,
          baseUrl: BASE,
          sort: undefined,
          page: { kind: 'offset', offset: 0, limit: 1000 },
          withTotal: true,
        });
        const fromSql = sorted(page.resources.map((r) => r.id));
        const fromEvaluator = sorted(
          wire[testCase.resourceType].filter((r) => evaluateFilter(r, filter)).map((r) => String(r.id)),
        );
        expect(fromSql).toEqual(fromEvaluator);
        expect(page.totalResults).toBe(fromSql.length);
        // And, where storage keeps the fixture as written, the case table's own answer.
        if (!NOT_STORABLE_AS_WRITTEN.some((pattern) => pattern.test(testCase.filter))) {
          expect(fromSql).toEqual(sorted([...testCase.matches]));
        }
      });
    }
  },
);

describe.each(testEngines)('generated filters on $name', (engine) => {
  let database: TestDatabase;
  let store: DirectoryStore;
  let scope: IntegrationScope;
  let users: JsonObject[] = [];

  beforeAll(async () => {
    ({ database, store, scope } = await openFixtureDirectory(engine));
    users = await representations(store, scope, 'User');
  });
  afterAll(() => database.dispose());

  it('select in SQL exactly what the evaluator selects (property)', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryUserFilter, async (raw) => {
        const resolved = resolveFilter(resourceTypeNamed('User'), raw);
        fc.pre(resolved.ok);
        if (!resolved.ok) return;
        const page = await store.scimResources.list(scope, 'User', {
          filter: resolved.value,
          baseUrl: BASE,
          sort: undefined,
          page: { kind: 'offset', offset: 0, limit: 1000 },
          withTotal: false,
        });
        const fromSql = sorted(page.resources.map((r) => r.id));
        const fromEvaluator = sorted(
          users.filter((u) => evaluateFilter(u, resolved.value)).map((u) => String(u.id)),
        );
        expect(fromSql).toEqual(fromEvaluator);
      }),
      { numRuns: 150 },
    );
  });
});
