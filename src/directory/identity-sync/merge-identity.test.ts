import { describe, expect, it } from 'vitest';
import type { IdentitySource, IdentityStatus } from '../model/identity.js';
import { mergeIdentity } from './merge-identity.js';

const NOW = '2026-12-01T00:00:00.000Z';
const source = (
  integrationId: string,
  status: IdentityStatus,
  createdAt: string,
  contribution: Partial<IdentitySource['contribution']> = {},
): IdentitySource => ({
  identityId: 'i-1',
  organizationId: 'org',
  integrationId,
  scimResourceId: `scim-${integrationId}`,
  externalId: null,
  userNameKey: 'ada',
  status,
  contribution: {
    name: `Ada (${integrationId})`,
    signInExternalId: `${integrationId}-sub`,
    authPolicyId: null,
    attributes: [`${integrationId}-attr`],
    profile: { displayName: integrationId },
    groupIds: [`${integrationId}-group`],
    ...contribution,
  },
  createdAt,
  updatedAt: createdAt,
});
const base = { id: 'i-1', organizationId: 'org' };

describe('mergeIdentity: an identity is what its sources contribute', () => {
  it('takes everything from a single source', () => {
    const { identity, groupIds } = mergeIdentity(base, [source('okta', 'active', '1')], undefined, NOW);
    expect(identity).toMatchObject({
      name: 'Ada (okta)',
      status: 'active',
      signInExternalId: 'okta-sub',
      attributes: ['okta-attr'],
      sourceIntegrationId: 'okta',
      scimResourceId: 'scim-okta',
      createdAt: NOW,
      updatedAt: NOW,
      lastSyncedAt: NOW,
    });
    expect(groupIds).toEqual(['okta-group']);
  });

  it('names and profiles from the oldest active source; unions attributes and groups of the active ones', () => {
    const merged = mergeIdentity(
      base,
      [source('okta', 'active', '1'), source('entra', 'active', '2'), source('google', 'disabled', '3')],
      undefined,
      NOW,
    );
    expect(merged.identity).toMatchObject({ name: 'Ada (okta)', attributes: ['entra-attr', 'okta-attr'] });
    expect(merged.groupIds).toEqual(['entra-group', 'okta-group']);
  });

  const statuses: [string, IdentityStatus[], IdentityStatus][] = [
    ['active while any source is', ['disabled', 'active', 'deleted'], 'active'],
    ['disabled while any is only disabled', ['deleted', 'disabled'], 'disabled'],
    ['deleted when all are', ['deleted', 'deleted'], 'deleted'],
  ];
  it.each(statuses)('is %s', (_, given, expected) => {
    const sources = given.map((status, i) => source(`int-${i}`, status, String(i)));
    expect(mergeIdentity(base, sources, undefined, NOW).identity.status).toBe(expected);
  });

  it('keeps a deleted identity as its sources last made it (history)', () => {
    const merged = mergeIdentity(base, [source('okta', 'deleted', '1')], undefined, NOW);
    expect(merged.identity).toMatchObject({ status: 'deleted', attributes: ['okta-attr'] });
    expect(merged.groupIds).toEqual(['okta-group']);
  });

  it('keeps updatedAt and createdAt when nothing changed', () => {
    const first = mergeIdentity(base, [source('okta', 'active', '1')], undefined, '2026-01-01T00:00:00.000Z');
    const again = mergeIdentity(base, [source('okta', 'active', '1')], first.identity, NOW);
    expect(again.identity).toMatchObject({
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      lastSyncedAt: NOW,
    });
  });

  it('refuses an identity without sources', () => {
    expect(() => mergeIdentity(base, [], undefined, NOW)).toThrow();
  });
});
