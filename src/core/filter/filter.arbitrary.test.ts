import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { userResourceType } from '../schema/resource-types.js';
import { arbitraryFilter, arbitraryUserFilter } from './filter.arbitrary.js';
import { printFilter } from './print-filter.support.js';
import { resolveFilter } from './resolve-filter.js';

describe('filter generators', () => {
  it('arbitraryUserFilter only makes filters that resolve for User', () => {
    fc.assert(
      fc.property(arbitraryUserFilter, (filter) => {
        const result = resolveFilter(userResourceType, filter);
        expect(result.ok ? 'ok' : `${result.error.reason} in ${printFilter(filter)}`).toBe('ok');
      }),
      { numRuns: 1000 },
    );
  });

  it('arbitraryFilter makes nested logical filters and value paths', () => {
    const kinds = new Set(fc.sample(arbitraryFilter, 500).map((filter) => filter.kind));
    expect([...kinds].sort()).toEqual(['and', 'compare', 'not', 'or', 'present', 'valuePath']);
  });
});
