import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStorableJson, unstorableTextReason, utf8Length } from './storable-text.js';

/** What PostgreSQL (text, jsonb) and SQLite both store unchanged: well-formed UTF-16 without NUL. */
function storable(text: string): boolean {
  if (text.includes('\u0000')) return false;
  // TextEncoder replaces a lone surrogate with U+FFFD: what comes back differs from what went in.
  return new TextDecoder().decode(new TextEncoder().encode(text)) === text;
}

describe('storable text', () => {
  it('refuses exactly the strings that would not round-trip through UTF-8, and NUL', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
        (a, b) => {
          for (const text of [a, b, a + b])
            expect(unstorableTextReason(text) === undefined).toBe(storable(text));
        },
      ),
      { seed: 14, numRuns: 500 },
    );
  });

  it('counts UTF-8 bytes as TextEncoder does', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }).filter((t) => unstorableTextReason(t) === undefined),
        (text) => {
          expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
        },
      ),
      { seed: 14, numRuns: 2000 },
    );
  });

  it('finds a bad string anywhere in a body: keys, values, deep in arrays', () => {
    const bad = [{ a: [{ b: 'x\u0000' }] }, { ['k\ud800']: 1 }, [[[['\udc00']]]]];
    for (const body of bad)
      expect(() => checkStorableJson(body, { maxValueBytes: undefined, label: 'Body' })).toThrow(
        /cannot be stored/,
      );
    expect(() => checkStorableJson({ a: 'é'.repeat(6) }, { maxValueBytes: 11, label: 'Body' })).toThrow(
      /12 bytes/,
    );
    expect(() => checkStorableJson({ a: 'é'.repeat(6) }, { maxValueBytes: 12, label: 'Body' })).not.toThrow();
    // Keys are not values: a long unknown key is not refused by the value limit.
    expect(() =>
      checkStorableJson({ ['k'.repeat(50)]: 1 }, { maxValueBytes: 12, label: 'Body' }),
    ).not.toThrow();
  });
});
