import { describe, expect, it } from 'vitest';
import { entityTagMatches, parseEntityTags } from './entity-tag.js';

describe('entity tags (RFC 7232)', () => {
  const cases: { header: string | undefined; version: number; matches: boolean | undefined }[] = [
    { header: undefined, version: 1, matches: undefined },
    { header: '', version: 1, matches: undefined },
    { header: '*', version: 7, matches: true },
    { header: 'W/"3"', version: 3, matches: true },
    { header: '"3"', version: 3, matches: true },
    { header: 'W/"3"', version: 4, matches: false },
    { header: 'W/"1", W/"2" , "3"', version: 2, matches: true },
    { header: 'W/"1", W/"2"', version: 3, matches: false },
    { header: '3', version: 3, matches: false },
  ];
  for (const { header, version, matches } of cases) {
    it(`${JSON.stringify(header)} against version ${version} → ${String(matches)}`, () => {
      const condition = parseEntityTags(header);
      expect(condition === undefined ? undefined : entityTagMatches(condition, version)).toBe(matches);
    });
  }
});
