import { describe, expect, it } from 'vitest';
import { changeIntegrationSettings, defaultIntegrationSettings } from '../model/integration-settings.js';
import type { GroupMapping } from '../model/directory-group.js';
import type { IdentitySource } from '../model/identity.js';
import type { StoredResource } from '../model/scim-resource.js';
import { planUserSync, type SyncPlanContext, type UserSyncInput } from './plan-user-sync.js';

const NOW = '2026-12-01T00:00:00.000Z';
const scope = { organizationId: 'org', integrationId: 'okta' };
const user = (attributes: Record<string, unknown>): StoredResource => ({
  id: 'scim-1',
  resourceType: 'User',
  attributes: { userName: 'ada@example.com', ...attributes },
  version: 1,
  created: NOW,
  lastModified: NOW,
});
const settings = (change: Record<string, unknown> = {}) => {
  const result = changeIntegrationSettings(defaultIntegrationSettings, change);
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.settings;
};
const engMapping: GroupMapping = {
  id: 'm-1',
  integrationId: 'okta',
  matchBy: 'id',
  idpGroup: 'scim-eng',
  directoryGroupId: 'dir-eng',
  automatic: true,
};
const context = (overrides: Partial<SyncPlanContext> = {}): SyncPlanContext => ({
  scope,
  settings: settings(),
  mappings: [engMapping],
  now: NOW,
  newIdentityId: () => 'new-identity',
  ...overrides,
});
const fresh = (attributes: Record<string, unknown> = {}): UserSyncInput => ({
  user: user(attributes),
  memberships: [],
  firstSeenNames: new Map(),
  source: undefined,
  identity: undefined,
  otherSources: [],
});

describe('planUserSync', () => {
  it('plans a new identity and its link for a new user', () => {
    const plan = planUserSync(fresh({ externalId: '00u1', roles: [{ value: 'admin' }] }), context());
    expect(plan.isNewIdentity).toBe(true);
    expect(plan.identity).toMatchObject({
      id: 'new-identity',
      name: 'ada@example.com',
      status: 'active',
      attributes: ['admin'],
    });
    expect(plan.source).toMatchObject({
      identityId: 'new-identity',
      integrationId: 'okta',
      scimResourceId: 'scim-1',
      externalId: '00u1',
      userNameKey: 'ada@example.com',
      status: 'active',
    });
    expect(plan.groupIds).toEqual([]);
  });

  it('changes nothing for a user whose identity already says everything', () => {
    const first = planUserSync(
      { ...fresh(), memberships: [{ scimGroupId: 'scim-eng', displayName: 'Eng' }] },
      context(),
    );
    const again = planUserSync(
      {
        ...fresh(),
        memberships: [{ scimGroupId: 'scim-eng', displayName: 'Eng' }],
        firstSeenNames: new Map([['scim-eng', 'Eng']]),
        source: first.source,
        identity: first.identity,
      },
      context({ now: '2026-12-02T00:00:00.000Z' }),
    );
    expect(again.changed).toEqual([]);
    expect(again.sourceChanged).toBe(false);
    expect(again.newFirstSeenNames).toEqual([]);
    expect(again.identity.updatedAt).toBe(NOW);
  });

  it('names the changed fields: a rename under a new name source and a new group', () => {
    const first = planUserSync(fresh({ displayName: 'Ada L.' }), context());
    const next = planUserSync(
      {
        ...fresh({ displayName: 'Ada L.' }),
        memberships: [{ scimGroupId: 'scim-eng', displayName: 'Eng' }],
        source: first.source,
        identity: first.identity,
      },
      context({ settings: settings({ identityName: 'displayName' }) }),
    );
    expect(next.changed).toEqual(['name', 'attributes', 'groups']);
    expect(next.identity.name).toBe('Ada L.');
    expect(next.groupIds).toEqual(['dir-eng']);
    expect(next.newFirstSeenNames).toEqual([{ scimGroupId: 'scim-eng', name: 'Eng' }]);
  });

  it('falls back along the name chain and says which field named it', () => {
    const plan = planUserSync(
      fresh({ displayName: 'Shown' }),
      context({ settings: settings({ identityName: 'name.formatted' }) }),
    );
    expect(plan.identity.name).toBe('Shown');
    expect(plan.derived).toMatchObject({
      nameSource: 'displayName',
      nameFallback: expect.stringContaining('name.formatted'),
    });
  });

  it('continues a deleted link (re-link): same identity, same creation time, the new SCIM user', () => {
    const first = planUserSync(fresh(), context());
    const deleted: IdentitySource = { ...first.source, status: 'deleted' };
    const relinked = planUserSync(
      {
        ...fresh(),
        user: { ...user({}), id: 'scim-2' },
        source: deleted,
        identity: { ...first.identity, status: 'deleted' },
      },
      context(),
    );
    expect(relinked.isNewIdentity).toBe(false);
    expect(relinked.identity).toMatchObject({
      id: 'new-identity',
      status: 'active',
      scimResourceId: 'scim-2',
    });
    expect(relinked.source).toMatchObject({ scimResourceId: 'scim-2', createdAt: first.source.createdAt });
    expect(relinked.changed).toContain('status');
  });

  it('keeps an older link of another integration primary, and unions what both give', () => {
    const other: IdentitySource = {
      identityId: 'shared',
      organizationId: 'org',
      integrationId: 'entra',
      scimResourceId: 'entra-1',
      externalId: null,
      userNameKey: 'ada@example.com',
      status: 'active',
      contribution: {
        name: 'Ada',
        signInExternalId: 'entra-oid',
        authPolicyId: null,
        attributes: ['from-entra'],
        profile: {},
        groupIds: ['dir-entra'],
      },
      createdAt: '2020-01-01T00:00:00.000Z',
      updatedAt: '2020-01-01T00:00:00.000Z',
    };
    const identity = {
      id: 'shared',
      organizationId: 'org',
      name: 'Ada',
      status: 'active' as const,
      signInExternalId: 'entra-oid',
      authPolicyId: null,
      attributes: ['from-entra'],
      profile: {},
      sourceIntegrationId: 'entra',
      scimResourceId: 'entra-1',
      createdAt: other.createdAt,
      updatedAt: other.createdAt,
      lastSyncedAt: null,
    };
    const plan = planUserSync(
      {
        ...fresh({ roles: [{ value: 'from-okta' }] }),
        memberships: [{ scimGroupId: 'scim-eng', displayName: 'Eng' }],
        identity,
        otherSources: [other],
      },
      context({ settings: settings({ attributeSources: { groups: false } }) }),
    );
    expect(plan.identity).toMatchObject({
      id: 'shared',
      name: 'Ada',
      sourceIntegrationId: 'entra',
      attributes: ['from-entra', 'from-okta'],
    });
    expect(plan.groupIds).toEqual(['dir-eng', 'dir-entra']);
    expect(plan.changed).toEqual(['attributes', 'groups']);
  });

  it('marks a deactivated user disabled, keeping its attributes and groups', () => {
    const plan = planUserSync(
      {
        ...fresh({ active: false, entitlements: [{ value: 'wiki' }] }),
        memberships: [{ scimGroupId: 'scim-eng', displayName: 'Eng' }],
      },
      context(),
    );
    expect(plan.identity).toMatchObject({ status: 'disabled', attributes: ['Eng', 'wiki'] });
    expect(plan.groupIds).toEqual(['dir-eng']);
  });
});
