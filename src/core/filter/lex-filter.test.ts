import { describe, expect, it } from 'vitest';
import { lexFilter } from './lex-filter.js';

function kinds(text: string): string[] {
  const result = lexFilter(text);
  if (!result.ok) throw new Error(result.error.reason);
  return result.value.map((t) =>
    t.kind === 'word'
      ? `w:${t.text}`
      : t.kind === 'string' || t.kind === 'number'
        ? `${t.kind}:${String(t.value)}`
        : t.kind,
  );
}

describe('lexFilter', () => {
  it('splits words, literals and punctuation, ending with end', () => {
    expect(kinds('emails[type eq "work"].value pr')).toEqual([
      'w:emails',
      '[',
      'w:type',
      'w:eq',
      'string:work',
      ']',
      '.',
      'w:value',
      'w:pr',
      'end',
    ]);
  });

  it('keeps URN-qualified paths and $ref in one word', () => {
    expect(kinds('urn:ietf:params:scim:schemas:core:2.0:User:name.givenName members.$ref')).toEqual([
      'w:urn:ietf:params:scim:schemas:core:2.0:User:name.givenName',
      'w:members.$ref',
      'end',
    ]);
  });

  it('accepts tabs and newlines as whitespace, and no whitespace around parentheses', () => {
    expect(kinds('(a pr)or\t(b\npr)')).toEqual([
      '(',
      'w:a',
      'w:pr',
      ')',
      'w:or',
      '(',
      'w:b',
      'w:pr',
      ')',
      'end',
    ]);
  });

  it.each([
    ['0', 0],
    ['-0', -0],
    ['42', 42],
    ['-17', -17],
    ['3.25', 3.25],
    ['1e3', 1000],
    ['1E+3', 1000],
    ['-2.5e-3', -0.0025],
  ])('reads the JSON number %s', (text, value) => {
    const result = lexFilter(text);
    expect(result.ok && result.value[0]).toEqual({ kind: 'number', value, start: 0, end: text.length });
  });

  it.each([
    ['"a\\"b"', 'a"b'],
    ['"\\\\ \\/ \\b \\f \\n \\r \\t"', '\\ / \b \f \n \r \t'],
    ['"\\u00e9t\\u00C9"', 'étÉ'],
    ['"\\ud83d\\ude00"', '😀'],
    ['"zoë 李雷 😀"', 'zoë 李雷 😀'],
    ['""', ''],
  ])('decodes the JSON string %s', (text, value) => {
    const result = lexFilter(text);
    expect(result.ok && result.value[0]).toEqual({ kind: 'string', value, start: 0, end: text.length });
  });

  it.each([
    ['"abc', 0, 'unterminated string starting at position 0'],
    ['x eq "\\ud800"', 5, 'a lone UTF-16 surrogate at position 0, which no stored value holds'],
    ['x eq "a\\u0000"', 5, 'a NUL character (U+0000) at position 1, which no stored value holds'],
    ['x eq "a\\u00"', 7, 'invalid escape "\\u00""'],
    ['x eq "\\a"', 6, 'invalid escape "\\a" in string at position 6'],
    ['"a\nb"', 2, 'control characters must be escaped in strings'],
    ['+1', 0, 'unexpected character "+"'],
    ['1.5.2', 0, '"1.5.2" is not a valid number'],
    ['12abc', 0, '"12abc" is not a valid number'],
    ['x eq 😀', 5, 'unexpected character "😀" at position 5'],
    ["x eq 'a'", 5, 'strings are written in double quotes'],
  ])('rejects %j at %i', (text, position, reason) => {
    const result = lexFilter(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.position).toBe(position);
    expect(result.error.reason).toContain(reason);
  });
});
