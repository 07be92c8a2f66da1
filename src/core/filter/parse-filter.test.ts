import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttributePath } from '../path/attribute-path.js';
import type { Filter } from './filter-ast.js';
import { parseFilter, parseFilterWithPositions } from './parse-filter.js';

const p = (attribute: string, subAttribute?: string, schemaUrn?: string): AttributePath => ({
  kind: 'attributePath',
  schemaUrn,
  attribute,
  subAttribute,
});
const eq = (path: AttributePath, value: string | number | boolean | null): Filter => ({
  kind: 'compare',
  path,
  op: 'eq',
  value,
});
const a = eq(p('a'), 1);
const b = eq(p('b'), 2);
const c = eq(p('c'), 3);

function parsed(text: string): Filter {
  const result = parseFilter(text);
  if (!result.ok) throw new Error(result.error.reason);
  return result.value;
}

describe('parseFilter', () => {
  it.each([
    ['userName eq "bjensen"', eq(p('userName'), 'bjensen')],
    ['title pr', { kind: 'present', path: p('title') }],
    [
      'meta.lastModified gt "2011-05-13T04:42:34Z"',
      { kind: 'compare', path: p('meta', 'lastModified'), op: 'gt', value: '2011-05-13T04:42:34Z' },
    ],
    ['x ne -1.5e2', { kind: 'compare', path: p('x'), op: 'ne', value: -150 }],
    ['x eq TRUE', eq(p('x'), true)],
    ['x eq False', eq(p('x'), false)],
    ['x eq NULL', eq(p('x'), null)],
    ['x EQ "a\\"b"', eq(p('x'), 'a"b')],
    ['x Sw "\\u00e9"', { kind: 'compare', path: p('x'), op: 'sw', value: 'é' }],
    [
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq "1"',
      eq(p('employeeNumber', undefined, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'), '1'),
    ],
  ])('parses %s', (text, expected) => {
    expect(parseFilter(text)).toEqual({ ok: true, value: expected });
  });

  it('parses every comparison operator, case-insensitively', () => {
    for (const op of ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']) {
      expect(parsed(`x ${op.toUpperCase()} 1`)).toEqual({ kind: 'compare', path: p('x'), op, value: 1 });
    }
  });

  it('binds and tighter than or (RFC 7644 §3.4.2.2 Table 5)', () => {
    expect(parsed('a eq 1 or b eq 2 and c eq 3')).toEqual({
      kind: 'or',
      left: a,
      right: { kind: 'and', left: b, right: c },
    });
    expect(parsed('a eq 1 and b eq 2 or c eq 3')).toEqual({
      kind: 'or',
      left: { kind: 'and', left: a, right: b },
      right: c,
    });
  });

  it('associates and/or to the left', () => {
    expect(parsed('a eq 1 and b eq 2 and c eq 3')).toEqual({
      kind: 'and',
      left: { kind: 'and', left: a, right: b },
      right: c,
    });
    expect(parsed('a eq 1 OR b eq 2 Or c eq 3')).toEqual({
      kind: 'or',
      left: { kind: 'or', left: a, right: b },
      right: c,
    });
  });

  it('lets parentheses override precedence, and binds not to its group only', () => {
    expect(parsed('(a eq 1 or b eq 2) and c eq 3')).toEqual({
      kind: 'and',
      left: { kind: 'or', left: a, right: b },
      right: c,
    });
    expect(parsed('not (a eq 1) and b eq 2')).toEqual({
      kind: 'and',
      left: { kind: 'not', filter: a },
      right: b,
    });
    expect(parsed('NOT(a eq 1 or b eq 2)')).toEqual({
      kind: 'not',
      filter: { kind: 'or', left: a, right: b },
    });
  });

  it('parses value filters, also inside logical expressions', () => {
    const work = eq(p('type'), 'work');
    expect(parsed('emails[type eq "work" and value co "@example.com"]')).toEqual({
      kind: 'valuePath',
      path: p('emails'),
      filter: {
        kind: 'and',
        left: work,
        right: { kind: 'compare', path: p('value'), op: 'co', value: '@example.com' },
      },
    });
    expect(parsed('userName pr and not (emails[type eq "work"])')).toEqual({
      kind: 'and',
      left: { kind: 'present', path: p('userName') },
      right: { kind: 'not', filter: { kind: 'valuePath', path: p('emails'), filter: work } },
    });
  });

  it('reads emails[type eq "work"].value eq "x" as emails[type eq "work" and value eq "x"]', () => {
    expect(parsed('emails[type eq "work"].value eq "x"')).toEqual(
      parsed('emails[type eq "work" and value eq "x"]'),
    );
    expect(parsed('emails[type eq "work" or type eq "home"].value pr')).toEqual(
      parsed('emails[(type eq "work" or type eq "home") and value pr]'),
    );
  });

  it('treats "not" as an attribute name when an operator follows it', () => {
    expect(parsed('not eq 1')).toEqual(eq(p('not'), 1));
  });

  it('records where each path was written', () => {
    const result = parseFilterWithPositions('a pr and emails[type eq "x"].value pr');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.value.positions.values()]).toEqual([0, 9, 16, 29]);
  });

  it('accepts a filter with 1000 attribute expressions and refuses one with more', () => {
    const terms = (n: number) => Array.from({ length: n }, (_, i) => `a${i} pr`).join(' or ');
    expect(parseFilter(terms(1000)).ok).toBe(true);
    const result = parseFilter(terms(1001));
    expect(!result.ok && result.error.reason).toContain('more than 1000 attribute expressions');
  });

  it('refuses nesting beyond 64 levels instead of overflowing the stack', () => {
    expect(parseFilter(`${'not ('.repeat(64)}a pr${')'.repeat(64)}`).ok).toBe(true);
    const deep = parseFilter(`${'not ('.repeat(100_000)}a pr${')'.repeat(100_000)}`);
    expect(!deep.ok && deep.error.reason).toContain('deeper than 64 levels');
  });

  describe('is total', () => {
    const checkTotal = (text: string) => {
      const result = parseFilter(text);
      if (!result.ok) {
        expect(Number.isInteger(result.error.position)).toBe(true);
        expect(result.error.position).toBeGreaterThanOrEqual(0);
        expect(result.error.position).toBeLessThanOrEqual(text.length);
        expect(result.error.reason.length).toBeGreaterThan(0);
      }
    };
    it('on arbitrary strings', () => fc.assert(fc.property(fc.string(), checkTotal), { numRuns: 2000 }));
    it('on arbitrary UTF-16 (lone surrogates included)', () =>
      fc.assert(fc.property(fc.string({ unit: 'binary' }), checkTotal), { numRuns: 2000 }));
    it('on arbitrary graphemes', () =>
      fc.assert(fc.property(fc.string({ unit: 'grapheme' }), checkTotal), { numRuns: 2000 }));
    it('on strings made of filter tokens', () => {
      const piece = fc.constantFrom(
        '(',
        ')',
        '[',
        ']',
        '.',
        ' ',
        '"',
        '\\',
        'not',
        'and',
        'or',
        'eq',
        'pr',
        'x',
        'a.b',
        '1',
        '-',
        'true',
        'null',
        '"v"',
        'urn:a:b:c',
      );
      fc.assert(
        fc.property(
          fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(' ')),
          checkTotal,
        ),
        { numRuns: 5000 },
      );
      fc.assert(
        fc.property(
          fc.array(piece, { maxLength: 30 }).map((parts) => parts.join('')),
          checkTotal,
        ),
        { numRuns: 5000 },
      );
    });
  });
});
