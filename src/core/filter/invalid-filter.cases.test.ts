import { describe, expect, it } from 'vitest';
import { resourceTypeNamed } from '../schema/resource-types.js';
import { invalidFilterCases } from './invalid-filter.cases.js';
import { parseFilterWithPositions } from './parse-filter.js';
import { resolveFilter } from './resolve-filter.js';

describe('invalid filters', () => {
  it('has at least 40 cases', () => {
    expect(invalidFilterCases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(invalidFilterCases.map((c) => [c.stage, c.filter, c]))(
    '%s refuses %j',
    (_stage, _filter, testCase) => {
      const parsed = parseFilterWithPositions(testCase.filter);
      if (testCase.stage === 'parse') {
        expect(parsed.ok).toBe(false);
        if (parsed.ok) return;
        expect(parsed.error.reason).toContain(testCase.reason);
        expect(parsed.error.position).toBe(testCase.position);
        return;
      }
      if (!parsed.ok) throw new Error(`expected to parse: ${parsed.error.reason}`);
      const { filter, positions } = parsed.value;
      const resolved = resolveFilter(resourceTypeNamed(testCase.resourceType), filter, positions);
      expect(resolved.ok).toBe(false);
      if (resolved.ok) return;
      expect(resolved.error.reason).toContain(testCase.reason);
      expect(resolved.error.position).toBe(testCase.position);
    },
  );
});
