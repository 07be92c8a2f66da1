import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { directoryStore } from '../../store/directory-store.js';
import { migrateToLatest } from '../../store/migrate.js';
import { openSqlite } from '../../store/sqlite/open-sqlite.js';
import { sqliteDialect } from '../../store/sqlite/sqlite-dialect.js';
import { uuidV7Source } from '../ids/uuid-v7.js';
import { createIntegration } from '../integrations/create-integration.js';
import { ensureDefaultOrganization } from '../organizations/ensure-default-organization.js';
import type { IntegrationScope } from '../model/scope.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { addGroupMapping, checkGroupMapping, type GroupMappingInput } from './add-group-mapping.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { listGroupMappings } from './list-group-mappings.js';

describe('checkGroupMapping', () => {
  const cases: [string, GroupMappingInput, ReturnType<typeof checkGroupMapping>][] = [
    [
      'maps by SCIM id',
      { idpGroupId: ' g-1 ', group: ' Eng ' },
      { ok: true, value: { matchBy: 'id', idpGroup: 'g-1', group: 'Eng' } },
    ],
    [
      'maps by displayName',
      { idpGroupName: 'Engineering', group: 'Eng' },
      { ok: true, value: { matchBy: 'displayName', idpGroup: 'Engineering', group: 'Eng' } },
    ],
    [
      'refuses neither',
      { group: 'Eng' },
      {
        ok: false,
        error: [
          { field: 'idpGroupId', message: 'give exactly one of the IdP group id and the IdP group name' },
        ],
      },
    ],
    [
      'refuses both',
      { idpGroupId: 'g', idpGroupName: 'n', group: 'Eng' },
      {
        ok: false,
        error: [
          { field: 'idpGroupId', message: 'give exactly one of the IdP group id and the IdP group name' },
        ],
      },
    ],
    [
      'refuses an empty IdP group and an empty directory group at once',
      { idpGroupName: ' ', group: '' },
      {
        ok: false,
        error: [
          { field: 'idpGroupName', message: 'the IdP group id or name must not be empty' },
          { field: 'group', message: 'The directory group needs a non-empty name' },
        ],
      },
    ],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(checkGroupMapping(input)).toEqual(expected);
  });
});

describe('addGroupMapping', () => {
  let store: DirectoryStore;
  let deps: DirectoryDeps;
  let scope: IntegrationScope;

  beforeEach(async () => {
    const db = openSqlite(':memory:');
    await migrateToLatest(db, sqliteDialect);
    store = directoryStore(db, sqliteDialect);
    deps = { store, clock: { now: () => new Date('2026-01-01T00:00:00Z') }, ids: uuidV7Source() };
    await ensureDefaultOrganization(deps);
    const { integration } = await createIntegration(deps, {
      organizationName: 'default',
      name: 'okta',
      idp: 'okta',
      tokenLifetimeDays: 1,
    });
    scope = { organizationId: integration.organizationId, integrationId: integration.id };
  });
  afterEach(() => store.close());

  it('creates the directory group by name, and reuses it (case-insensitively) next time', async () => {
    const first = await addGroupMapping(deps, scope.organizationId, scope.integrationId, {
      idpGroupName: 'Engineering',
      group: 'Engineers',
    });
    expect(first).toMatchObject({ groupCreated: true, group: { name: 'Engineers' }, replaced: [] });
    expect(first.mapping).toMatchObject({
      matchBy: 'displayName',
      idpGroup: 'engineering',
      automatic: false,
    });
    const second = await addGroupMapping(deps, scope.organizationId, scope.integrationId, {
      idpGroupId: 'scim-1',
      group: 'ENGINEERS',
    });
    expect(second).toMatchObject({ groupCreated: false, group: { id: first.group.id } });
    const byId = await addGroupMapping(deps, scope.organizationId, scope.integrationId, {
      idpGroupId: 'scim-2',
      group: first.group.id,
    });
    expect(byId.group.id).toBe(first.group.id);
  });

  it('refuses a second explicit mapping for the same IdP group, and writes nothing', async () => {
    await addGroupMapping(deps, scope.organizationId, scope.integrationId, {
      idpGroupName: 'Sales',
      group: 'A',
    });
    await expect(
      addGroupMapping(deps, scope.organizationId, scope.integrationId, { idpGroupName: 'SALES', group: 'B' }),
    ).rejects.toMatchObject({ code: 'mapping_exists' });
    expect((await store.directoryGroups.list(scope)).map((g) => g.name)).toEqual(['A']);
  });

  it('takes the place of the automatic mappings of that IdP group, by id and by name', async () => {
    const now = '2026-01-01T00:00:00Z';
    await store.scimResources.insert(
      scope,
      {
        id: 'scim-eng',
        resourceType: 'Group',
        attributes: { displayName: 'Engineering' },
        version: 1,
        created: now,
        lastModified: now,
      },
      [],
      null,
    );
    const auto = await store.directoryGroups.ensure(scope, 'Engineering', 'auto-group', now);
    const automatic = {
      integrationId: scope.integrationId,
      matchBy: 'id' as const,
      idpGroup: 'scim-eng',
      directoryGroupId: auto.id,
      automatic: true,
    };
    await store.directoryGroups.addMapping(scope, { ...automatic, id: 'auto-1' }, now);

    const byName = await addGroupMapping(deps, scope.organizationId, scope.integrationId, {
      idpGroupName: 'engineering',
      group: 'Engineers',
    });
    expect(byName.replaced.map((m) => m.id)).toEqual(['auto-1']);

    await store.directoryGroups.addMapping(scope, { ...automatic, id: 'auto-2' }, now);
    const byId = await addGroupMapping(deps, scope.organizationId, scope.integrationId, {
      idpGroupId: 'scim-eng',
      group: 'Engineers',
    });
    expect(byId.replaced.map((m) => m.id)).toEqual(['auto-2']);
    const listed = await listGroupMappings(deps, scope.organizationId, scope.integrationId);
    expect(
      listed.map((m) => [m.matchBy, m.idpGroup, m.idpGroupName, m.directoryGroupName, m.automatic]),
    ).toEqual([
      ['displayName', 'engineering', undefined, 'Engineers', false],
      ['id', 'scim-eng', 'Engineering', 'Engineers', false],
    ]);
  });

  it('does not turn an unknown group id into a group name', async () => {
    await expect(
      addGroupMapping(deps, scope.organizationId, scope.integrationId, {
        idpGroupName: 'Sales',
        group: '01a20703-a2bd-71d9-bbaf-4c76f6db2901',
      }),
    ).rejects.toMatchObject({ code: 'group_not_found' });
    expect(await store.directoryGroups.list(scope)).toEqual([]);
  });
});
