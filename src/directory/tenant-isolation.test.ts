import { integrationScope } from './model/scope.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { directoryStore } from '../store/directory-store.js';
import { migrateToLatest } from '../store/migrate.js';
import { openSqlite } from '../store/sqlite/open-sqlite.js';
import { sqliteDialect } from '../store/sqlite/sqlite-dialect.js';
import { uuidV7Source } from './ids/uuid-v7.js';
import { createIntegration } from './integrations/create-integration.js';
import { ensureDefaultOrganization } from './organizations/ensure-default-organization.js';
import type { Integration } from './model/integration.js';
import type { Organization } from './model/organization.js';
import type { DirectoryStore } from './ports/directory-store.js';
import type { DirectoryDeps } from './directory-deps.js';
import { applyIntegrationSettings } from './integrations/apply-integration-settings.js';
import { assignGroupRoles } from './groups/assign-group-roles.js';
import { createDirectoryGroup } from './groups/create-directory-group.js';
import { createRole } from './roles/create-role.js';
import { deleteRole } from './roles/delete-role.js';
import { listGroupMappings } from './groups/list-group-mappings.js';
import { listIdentities } from './identities/list-identities.js';
import { listRemapJobs } from './remap/list-remap-jobs.js';
import { organizationNamed } from './organizations/organization-named.js';
import { remapJobInOrganization } from './remap/remap-job-in-organization.js';
import { showIntegrationSettings } from './integrations/show-integration-settings.js';
import { updateRole } from './roles/update-role.js';

/** Two organizations; every admin use case must treat the other one's ids as "not found". */
describe('admin use cases stay inside their organization', () => {
  let store: DirectoryStore;
  let deps: DirectoryDeps;
  let home: Organization;
  let other: Organization;
  let foreign: Integration;

  beforeEach(async () => {
    const db = openSqlite(':memory:');
    await migrateToLatest(db, sqliteDialect);
    store = directoryStore(db, sqliteDialect);
    deps = { store, clock: { now: () => new Date('2026-01-01T00:00:00Z') }, ids: uuidV7Source() };
    home = (await ensureDefaultOrganization(deps)) as Organization;
    other = await store.organizations.ensure({
      id: 'org-acme',
      name: 'acme',
      createdAt: '2026-01-01T00:00:00Z',
    });
    foreign = (
      await createIntegration(deps, {
        organizationName: 'acme',
        name: 'okta',
        idp: 'okta',
        tokenLifetimeDays: 1,
      })
    ).integration;
  });
  afterEach(() => store.close());

  it('finds organizations by name only', async () => {
    expect(await organizationNamed(store, 'acme')).toEqual(other);
    await expect(organizationNamed(store, 'nope')).rejects.toMatchObject({ code: 'organization_not_found' });
  });

  it("reports another organization's integration as not found, and changes nothing", async () => {
    const notFound = { code: 'integration_not_found', message: `No integration with id "${foreign.id}".` };
    await expect(showIntegrationSettings(deps, home.id, foreign.id)).rejects.toMatchObject(notFound);
    await expect(listGroupMappings(deps, home.id, foreign.id)).rejects.toMatchObject(notFound);
    await expect(listRemapJobs(deps, home.id, foreign.id)).rejects.toMatchObject(notFound);
    await expect(listIdentities(deps, home.id, { integrationId: foreign.id })).rejects.toMatchObject(
      notFound,
    );
    await expect(
      applyIntegrationSettings(deps, home.id, foreign.id, { identityName: 'displayName' }),
    ).rejects.toMatchObject(notFound);
    expect((await store.integrations.settings(integrationScope(foreign)))?.identityName).toBe('userName');
    expect(await store.remapJobs.listForIntegration(integrationScope(foreign))).toEqual([]);
  });

  it("reports another organization's remap jobs, roles and groups as not found", async () => {
    const { job } = await applyIntegrationSettings(deps, other.id, foreign.id, {
      identityName: 'displayName',
    });
    await expect(remapJobInOrganization(store, home.id, job.id)).rejects.toMatchObject({
      code: 'remap_job_not_found',
    });
    expect(await remapJobInOrganization(store, other.id, job.id)).toMatchObject({ id: job.id });

    const role = await createRole(deps, other.id, { name: 'admin', permissions: ['x'] });
    const group = await createDirectoryGroup(deps, other.id, 'Eng');
    await expect(deleteRole(deps, home.id, role.id)).rejects.toMatchObject({ code: 'role_not_found' });
    await expect(updateRole(deps, home.id, role.id, { name: 'mine' })).rejects.toMatchObject({
      code: 'role_not_found',
    });
    await expect(assignGroupRoles(deps, home.id, group.id, [])).rejects.toMatchObject({
      code: 'group_not_found',
    });
    const homeGroup = await createDirectoryGroup(deps, home.id, 'Eng');
    await expect(assignGroupRoles(deps, home.id, homeGroup.id, [role.id])).rejects.toMatchObject({
      code: 'role_not_found',
    });
    await expect(listIdentities(deps, home.id, { groupId: group.id })).rejects.toMatchObject({
      code: 'group_not_found',
    });
  });

  it('keeps names unique per organization, not across them', async () => {
    await createRole(deps, other.id, { name: 'admin', permissions: [] });
    const mine = await createRole(deps, home.id, { name: 'admin', permissions: [] });
    await expect(createRole(deps, home.id, { name: 'admin', permissions: [] })).rejects.toMatchObject({
      code: 'name_taken',
    });
    await createRole(deps, home.id, { name: 'viewer', permissions: [] });
    await expect(updateRole(deps, home.id, mine.id, { name: 'viewer' })).rejects.toMatchObject({
      code: 'name_taken',
    });
    expect(await updateRole(deps, home.id, mine.id, { permissions: ['b', 'a'] })).toMatchObject({
      name: 'admin',
      permissions: ['b', 'a'],
    });
    await createDirectoryGroup(deps, other.id, 'Sales');
    await createDirectoryGroup(deps, home.id, 'Sales');
    await expect(createDirectoryGroup(deps, home.id, 'SALES')).rejects.toMatchObject({ code: 'name_taken' });
  });
});
