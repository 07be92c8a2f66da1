import { describe, expect, it } from 'vitest';
import { parseDateTime } from './filter/parse-date-time.js';
import { parseFilter } from './filter/parse-filter.js';
import { parseAttributePath } from './path/parse-attribute-path.js';
import { parseEntityTags } from './protocol/entity-tag.js';
import { isDateTime } from './resource/coerce-value.js';
import { checkStorableJson, unstorableTextReason } from './resource/storable-text.js';

/**
 * Issue 14: no regular expression in the core backtracks catastrophically. Each text-reading entry point
 * gets the near-miss input that makes a backtracking pattern exponential or quadratic (long runs of what
 * a repeated group accepts, then a character that fails the match) and must finish in milliseconds.
 */
const N = 100_000;
const nearMisses: readonly [string, () => unknown][] = [
  ['a URN path with many segments and a bad end', () => parseAttributePath(`urn:${'a:'.repeat(N)}!`)],
  ['a URN path of one long segment', () => parseAttributePath(`urn:x${'-'.repeat(N)}:`)],
  ['a long attribute name', () => parseAttributePath(`${'a'.repeat(N)}!`)],
  ['a dateTime with a long fraction', () => isDateTime(`2024-01-01T00:00:00.${'1'.repeat(N)}x`)],
  ['a filter dateTime with a long fraction', () => parseDateTime(`2024-01-01T00:00:00.${'9'.repeat(N)}+`)],
  ['a long number in a filter', () => parseFilter(`userName eq ${'1'.repeat(N)}e`)],
  ['many quotes in an If-Match header', () => parseEntityTags(`${'W/"'.repeat(N)}`)],
  ['a long string of surrogate halves', () => unstorableTextReason('\ud800'.repeat(N) + 'x')],
  [
    'a deeply nested body',
    () =>
      checkStorableJson(JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`), {
        maxValueBytes: 10,
        label: 'x',
      }),
  ],
];

describe('regular expressions in the core', () => {
  it.each(nearMisses)('read %s in linear time', (_name, read) => {
    const started = performance.now();
    try {
      read();
    } catch {
      // Refusing the input is fine; taking long to do it is not.
    }
    expect(performance.now() - started).toBeLessThan(250);
  });
});
