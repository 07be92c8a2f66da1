import { describe, expect, it } from 'vitest';
import { builtInResourceTypes } from '../schema-extensions/integration-resource-types.js';
import type { StoredResource } from '../model/scim-resource.js';
import { getResource } from './get-resource.js';
import type { ScimContext } from './scim-context.js';

const group: StoredResource = {
  id: 'g1',
  resourceType: 'Group',
  attributes: { displayName: 'Engineering' },
  version: 3,
  created: '2026-01-01T00:00:00.000Z',
  lastModified: '2026-01-02T00:00:00.000Z',
};

/** Only what getResource reads of a context; membersOf counts its calls. */
function contextWith(reads: { members: number }): ScimContext {
  return {
    resourceTypes: builtInResourceTypes,
    scope: { organizationId: 'o1', integrationId: 'i1' },
    baseUrl: 'https://roster.example/scim/v2/i1',
    store: {
      scimResources: {
        findById: async () => group,
        membersOf: async () => {
          reads.members++;
          return [{ value: 'u1', type: 'User', display: 'Ada' }];
        },
      },
    },
  } as unknown as ScimContext;
}

describe('getResource', () => {
  it.each([
    { ifNoneMatch: undefined, shown: true, memberReads: 1 },
    { ifNoneMatch: { any: false, tags: ['2'] } as const, shown: true, memberReads: 1 },
    { ifNoneMatch: { any: false, tags: ['3'] } as const, shown: false, memberReads: 0 },
    { ifNoneMatch: { any: true } as const, shown: false, memberReads: 0 },
  ])(
    'with If-None-Match $ifNoneMatch builds a representation: $shown (member reads: $memberReads)',
    async ({ ifNoneMatch, shown, memberReads }) => {
      const reads = { members: 0 };
      const { resource, stored } = await getResource(
        contextWith(reads),
        'Group',
        'g1',
        undefined,
        ifNoneMatch,
      );
      expect(stored.version).toBe(3);
      expect(resource !== undefined).toBe(shown);
      expect(reads.members).toBe(memberReads);
    },
  );
});
