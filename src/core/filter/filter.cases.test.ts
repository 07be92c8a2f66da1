import { describe, expect, it } from 'vitest';
import { resourceTypeNamed } from '../schema/resource-types.js';
import { evaluateFilter } from './evaluate-filter.js';
import { filterCases } from './filter.cases.js';
import { fixtures } from './filter.fixtures.js';
import { parseFilter } from './parse-filter.js';
import { resolveFilter } from './resolve-filter.js';

describe('the shared filter case table', () => {
  it('has at least 150 cases, each filter written once per resource type', () => {
    expect(filterCases.length).toBeGreaterThanOrEqual(150);
    const keys = filterCases.map((c) => `${c.resourceType} ${c.filter}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(filterCases.map((c) => [c.resourceType, c.filter, c]))('%s: %s', (_type, _filter, testCase) => {
    const parsed = parseFilter(testCase.filter);
    if (!parsed.ok) throw new Error(parsed.error.reason);
    const resolved = resolveFilter(resourceTypeNamed(testCase.resourceType), parsed.value);
    if (!resolved.ok) throw new Error(resolved.error.reason);
    const selected = fixtures[testCase.resourceType]
      .filter((resource) => evaluateFilter(resource, resolved.value))
      .map((resource) => resource.id);
    expect(selected).toEqual(testCase.matches);
  });
});
