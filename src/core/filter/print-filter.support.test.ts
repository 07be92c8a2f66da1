import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryFilter } from './filter.arbitrary.js';
import { parseFilter } from './parse-filter.js';
import { printFilter } from './print-filter.support.js';

function reprint(text: string): string {
  const result = parseFilter(text);
  if (!result.ok) throw new Error(result.error.reason);
  return printFilter(result.value);
}

describe('printFilter', () => {
  it.each([
    ['USERNAME  EQ   "bjensen"', 'USERNAME eq "bjensen"'],
    ['a pr or b pr and c pr', 'a pr or b pr and c pr'],
    ['(a pr or b pr) and c pr', '(a pr or b pr) and c pr'],
    ['a pr and (b pr and c pr)', 'a pr and (b pr and c pr)'],
    ['a pr or (b pr or c pr)', 'a pr or (b pr or c pr)'],
    ['((a pr and b pr)) or c pr', 'a pr and b pr or c pr'],
    ['NOT (a pr) AND NOT(b pr or c pr)', 'not (a pr) and not (b pr or c pr)'],
    ['x eq "a\\"b\\u00e9\\n"', 'x eq "a\\"bé\\n"'],
    ['x gt 1E3', 'x gt 1000'],
    ['x lt -0', 'x lt -0'],
    ['x eq TRUE or x eq Null', 'x eq true or x eq null'],
    ['emails[type eq "work"].value co "@"', 'emails[type eq "work" and value co "@"]'],
    [
      'urn:ietf:params:scim:schemas:core:2.0:User:name.givenName sw "B"',
      'urn:ietf:params:scim:schemas:core:2.0:User:name.givenName sw "B"',
    ],
  ])('prints %s as %s', (text, canonical) => {
    expect(reprint(text)).toBe(canonical);
  });

  it('round-trips: parseFilter(printFilter(f)) equals f', () => {
    fc.assert(
      fc.property(arbitraryFilter, (filter) => {
        expect(parseFilter(printFilter(filter))).toEqual({ ok: true, value: filter });
      }),
      { numRuns: 3000 },
    );
  });
});
