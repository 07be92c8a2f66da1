import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { userResourceType } from '../schema/resource-types.js';
import { ENTERPRISE_USER_SCHEMA } from '../schema/schema-urns.js';
import { arbitraryUserFilter } from './filter.arbitrary.js';
import { evaluateFilter } from './evaluate-filter.js';
import type { Filter, ResolvedFilter } from './filter-ast.js';
import { fixtureUsers } from './filter.fixtures.js';
import { parseFilter } from './parse-filter.js';
import { printFilter } from './print-filter.support.js';
import { resolveFilter } from './resolve-filter.js';

function resolve(filter: Filter): ResolvedFilter {
  const result = resolveFilter(userResourceType, filter);
  if (!result.ok) throw new Error(`${result.error.reason} in ${printFilter(filter)}`);
  return result.value;
}

function matches(resource: Record<string, unknown>, text: string): boolean {
  const parsed = parseFilter(text);
  if (!parsed.ok) throw new Error(parsed.error.reason);
  return evaluateFilter(resource, resolve(parsed.value));
}

describe('evaluateFilter', () => {
  it('treats ne on a missing attribute as true, and on a present one as not-eq', () => {
    expect(matches({}, 'title ne "x"')).toBe(true);
    expect(matches({ title: 'X' }, 'title ne "x"')).toBe(false);
    expect(matches({ title: 'y' }, 'title ne "x"')).toBe(true);
  });

  it('is false for every other operator on a missing attribute', () => {
    for (const op of ['eq', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'])
      expect(matches({}, `title ${op} ""`)).toBe(false);
  });

  it('folds case unless the attribute is caseExact', () => {
    expect(matches({ userName: 'BJensen' }, 'userName eq "bjensen"')).toBe(true);
    expect(matches({ externalId: 'BJensen' }, 'externalId eq "bjensen"')).toBe(false);
    expect(matches({ externalId: 'BJensen' }, 'externalId eq "BJensen"')).toBe(true);
  });

  it('compares dateTime values as instants, not as text', () => {
    const resource = { meta: { lastModified: '2024-01-01T01:00:00+01:00' } };
    expect(matches(resource, 'meta.lastModified eq "2024-01-01T00:00:00Z"')).toBe(true);
    expect(matches(resource, 'meta.lastModified gt "2023-12-31T23:59:59.999Z"')).toBe(true);
    expect(
      matches({ meta: { lastModified: 'not a date' } }, 'meta.lastModified lt "2999-01-01T00:00:00Z"'),
    ).toBe(false);
  });

  it('never matches a value of the wrong JSON type', () => {
    expect(matches({ active: 'true' }, 'active eq true')).toBe(false);
    expect(matches({ userName: 7 }, 'userName eq "7"')).toBe(false);
    expect(matches({ meta: { created: 0 } }, 'meta.created le "2999-01-01T00:00:00Z"')).toBe(false);
  });

  it('treats null, "", [] and objects without present members as absent', () => {
    for (const title of [null, '']) expect(matches({ title }, 'title pr')).toBe(false);
    expect(matches({ emails: [] }, 'emails pr')).toBe(false);
    expect(matches({ emails: [{ value: null }] }, 'emails pr')).toBe(false);
    expect(matches({ name: { givenName: '' } }, 'name pr')).toBe(false);
    expect(matches({ active: false }, 'active pr')).toBe(true);
    expect(matches({ emails: [{ primary: false }] }, 'emails pr')).toBe(true);
  });

  it('matches a multi-valued attribute when any value matches, but a value path only within one element', () => {
    const resource = {
      emails: [
        { type: 'work', value: 'a@x' },
        { type: 'home', value: 'b@y' },
      ],
    };
    expect(matches(resource, 'emails.type eq "work" and emails.value eq "b@y"')).toBe(true);
    expect(matches(resource, 'emails[type eq "work" and value eq "b@y"]')).toBe(false);
    expect(matches(resource, 'emails.type ne "work"')).toBe(false);
    expect(matches(resource, 'emails[type ne "work"]')).toBe(true);
  });

  it('reads extension attributes under their schema URN key', () => {
    const resource = { [ENTERPRISE_USER_SCHEMA]: { employeeNumber: '42', manager: { value: 'u9' } } };
    expect(matches(resource, 'employeeNumber eq "42"')).toBe(true);
    expect(matches(resource, `${ENTERPRISE_USER_SCHEMA}:manager.value eq "u9"`)).toBe(true);
    expect(matches({ employeeNumber: '42' }, 'employeeNumber eq "42"')).toBe(false);
  });

  it('orders strings by code point', () => {
    expect(matches({ title: '\u{1F600}' }, 'title gt "\\uffff"')).toBe(true);
    expect(matches({ title: '\uffff' }, 'title lt "\\ud83d\\ude00"')).toBe(true);
  });

  describe('laws, on random filters and fixture users', () => {
    const users = fc.constantFrom(...fixtureUsers);

    it('not (f) is the negation of f', () => {
      fc.assert(
        fc.property(arbitraryUserFilter, users, (filter, user) => {
          const f = resolve(filter);
          expect(evaluateFilter(user, { kind: 'not', filter: f })).toBe(!evaluateFilter(user, f));
        }),
        { numRuns: 2000 },
      );
    });

    it("De Morgan's laws hold", () => {
      fc.assert(
        fc.property(arbitraryUserFilter, arbitraryUserFilter, users, (left, right, user) => {
          const a = resolve(left);
          const b = resolve(right);
          const not = (filter: ResolvedFilter): ResolvedFilter => ({ kind: 'not', filter });
          expect(evaluateFilter(user, not({ kind: 'and', left: a, right: b }))).toBe(
            evaluateFilter(user, { kind: 'or', left: not(a), right: not(b) }),
          );
          expect(evaluateFilter(user, not({ kind: 'or', left: a, right: b }))).toBe(
            evaluateFilter(user, { kind: 'and', left: not(a), right: not(b) }),
          );
        }),
        { numRuns: 2000 },
      );
    });

    it('x ne v is not (x eq v)', () => {
      fc.assert(
        fc.property(arbitraryUserFilter, users, (filter, user) => {
          if (filter.kind !== 'compare' || filter.op !== 'eq') return;
          const eq = resolve(filter);
          const ne = resolve({ ...filter, op: 'ne' });
          expect(evaluateFilter(user, ne)).toBe(!evaluateFilter(user, eq));
        }),
        { numRuns: 2000 },
      );
    });

    it('printing and parsing again selects the same users', () => {
      fc.assert(
        fc.property(arbitraryUserFilter, users, (filter, user) => {
          const again = parseFilter(printFilter(filter));
          if (!again.ok) throw new Error(again.error.reason);
          expect(evaluateFilter(user, resolve(again.value))).toBe(evaluateFilter(user, resolve(filter)));
        }),
        { numRuns: 1000 },
      );
    });
  });
});
