import { err, ok, type Result } from '../result.js';
import { unstorableTextReason } from '../resource/storable-text.js';

/** A syntax error in a filter or PATCH path: a 0-based character offset and a sentence for humans. */
export interface FilterSyntaxError {
  readonly position: number;
  readonly reason: string;
}

/**
 * `word` covers attribute paths, operators, `and`/`or`/`not` and `true`/`false`/`null`: the grammar, not
 * the lexer, decides which is which, because RFC 7644 §3.4.2.2 keywords are case-insensitive and an
 * attribute could in principle be spelled like one.
 */
export type FilterToken =
  | { readonly kind: 'word'; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: 'string'; readonly value: string; readonly start: number; readonly end: number }
  | { readonly kind: 'number'; readonly value: number; readonly start: number; readonly end: number }
  | { readonly kind: '(' | ')' | '[' | ']' | '.' | 'end'; readonly start: number; readonly end: number };

const WHITESPACE = /[ \t\r\n]/;
const WORD_START = /[A-Za-z$]/;
// Letters, digits, "-", "_", "$" (for "$ref"), "." (sub-attributes) and ":" (schema URNs).
const WORD_CHAR = /[A-Za-z0-9_$.:-]/;
const NUMBER_CHAR = /[A-Za-z0-9_.+-]/;
// RFC 7644 §3.4.2.2 compValue: a JSON number (RFC 8259 §6): no leading zeros, no leading "+", no bare ".".
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
const ESCAPES: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['\\', '\\'],
  ['/', '/'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
]);

function fail(position: number, reason: string): Result<never, FilterSyntaxError> {
  return err({ position, reason: `${reason} at position ${position}` });
}

export interface LexOptions {
  /**
   * Reads an unquoted comparison value (`externalId eq jyoung`, as Microsoft's provisioning documentation
   * writes it) as a string: after a comparison operator, everything up to the next space, ")" or "]" that
   * is not a JSON literal. RFC 7644 §3.4.2.2 requires the quotes; lenient integrations accept both,
   * because an IdP whose existence check fails may provision a duplicate.
   */
  readonly bareValues?: boolean;
}

const COMPARISON_OPERATORS: ReadonlySet<string> = new Set([
  'eq',
  'ne',
  'co',
  'sw',
  'ew',
  'gt',
  'ge',
  'lt',
  'le',
]);
const BARE_VALUE_END = /[ \t\r\n)\]]/;

/** Splits a filter into tokens. Total: every input yields tokens ending in `end`, or a positioned error. */
export function lexFilter(
  text: string,
  options: LexOptions = {},
): Result<readonly FilterToken[], FilterSyntaxError> {
  const tokens: FilterToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (WHITESPACE.test(c)) {
      i += 1;
    } else if (options.bareValues && afterOperator(tokens) && isBareValueStart(text, i)) {
      const end = scanUntil(text, i, BARE_VALUE_END);
      const raw = text.slice(i, end);
      const unstorable = unstorableTextReason(raw);
      if (unstorable !== undefined)
        return fail(i, `the value has ${unstorable}, which no stored value holds`);
      const literal = raw.toLowerCase();
      tokens.push(
        literal === 'true' || literal === 'false' || literal === 'null'
          ? { kind: 'word', text: raw, start: i, end }
          : { kind: 'string', value: raw, start: i, end },
      );
      i = end;
    } else if (c === '(' || c === ')' || c === '[' || c === ']' || c === '.') {
      tokens.push({ kind: c, start: i, end: i + 1 });
      i += 1;
    } else if (c === '"') {
      const scanned = scanString(text, i);
      if (!scanned.ok) return scanned;
      tokens.push(scanned.value);
      i = scanned.value.end;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const end = scanWhile(text, i + 1, NUMBER_CHAR);
      const raw = text.slice(i, end);
      if (!JSON_NUMBER.test(raw)) return fail(i, `"${raw}" is not a valid number`);
      tokens.push({ kind: 'number', value: Number(raw), start: i, end });
      i = end;
    } else if (WORD_START.test(c)) {
      const end = scanWhile(text, i + 1, WORD_CHAR);
      tokens.push({ kind: 'word', text: text.slice(i, end), start: i, end });
      i = end;
    } else if (c === "'") {
      return fail(i, 'unexpected "\'": strings are written in double quotes');
    } else {
      const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
      return fail(i, `unexpected character ${JSON.stringify(char)}`);
    }
  }
  tokens.push({ kind: 'end', start: text.length, end: text.length });
  return ok(tokens);
}

/** The last token is a comparison operator that follows an attribute path (so a value comes next). */
function afterOperator(tokens: readonly FilterToken[]): boolean {
  const last = tokens.at(-1);
  const before = tokens.at(-2);
  return (
    last?.kind === 'word' &&
    COMPARISON_OPERATORS.has(last.text.toLowerCase()) &&
    (before?.kind === 'word' || before?.kind === ']')
  );
}

/** A value that is not a quoted string or a JSON number starts here. */
function isBareValueStart(text: string, at: number): boolean {
  const c = text.charAt(at);
  if (c === '"' || c === '(' || c === ')' || c === '[' || c === ']') return false;
  if (c === '-' || (c >= '0' && c <= '9')) {
    return !JSON_NUMBER.test(text.slice(at, scanUntil(text, at, BARE_VALUE_END)));
  }
  return true;
}

function scanUntil(text: string, from: number, stop: RegExp): number {
  let i = from;
  while (i < text.length && !stop.test(text.charAt(i))) i += 1;
  return i;
}

function scanWhile(text: string, from: number, allowed: RegExp): number {
  let i = from;
  while (i < text.length && allowed.test(text.charAt(i))) i += 1;
  return i;
}

/** RFC 8259 §7 string literal, as RFC 7644 §3.4.2.2 requires for string values. */
function scanString(text: string, start: number): Result<FilterToken, FilterSyntaxError> {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '"') {
      // A NUL or a lone surrogate (written as \u0000 or \ud800) can match nothing Roster stores, and
      // PostgreSQL cannot even compare it: refused the same way on every engine.
      const unstorable = unstorableTextReason(value);
      if (unstorable !== undefined) {
        return fail(start, `the string has ${unstorable}, which no stored value holds`);
      }
      return ok({ kind: 'string', value, start, end: i + 1 });
    }
    if (c === '\\') {
      const e = text.charAt(i + 1);
      const simple = ESCAPES.get(e);
      if (simple !== undefined) {
        value += simple;
        i += 2;
      } else if (e === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9A-Fa-f]{4}$/.test(hex)) return fail(i, `invalid escape "\\u${hex}" in string`);
        value += String.fromCharCode(parseInt(hex, 16));
        i += 6;
      } else if (e === '') {
        break;
      } else {
        return fail(i, `invalid escape "\\${e}" in string`);
      }
    } else if (c < ' ') {
      return fail(i, 'control characters must be escaped in strings');
    } else {
      value += c;
      i += 1;
    }
  }
  return fail(start, 'unterminated string starting');
}
