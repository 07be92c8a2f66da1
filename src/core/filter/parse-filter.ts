import type { AttributePath } from '../path/attribute-path.js';
import { isAttributeName, parseAttributePath } from '../path/parse-attribute-path.js';
import { err, ok, type Result } from '../result.js';
import type { ComparisonOperator, Filter, FilterValue } from './filter-ast.js';
import { lexFilter, type FilterSyntaxError, type FilterToken, type LexOptions } from './lex-filter.js';

export type { FilterSyntaxError, LexOptions as FilterOptions } from './lex-filter.js';

/** A parsed filter plus where each path was written, so later (semantic) errors can point at it. */
export interface LocatedFilter {
  readonly filter: Filter;
  readonly positions: ReadonlyMap<AttributePath, number>;
}

// Limits that keep the parser total (no stack overflow on `((((…`) and bound the work a filter can ask
// of the evaluator and the SQL compiler. Real IdP filters are a few terms deep.
const MAX_DEPTH = 64;
const MAX_TERMS = 1000;

const OPERATORS: ReadonlySet<string> = new Set(['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le']);

interface ParserState {
  readonly text: string;
  readonly tokens: readonly FilterToken[];
  index: number;
  terms: number;
  readonly positions: Map<AttributePath, number>;
}

type Parsed<T> = Result<T, FilterSyntaxError>;

/**
 * Parses an RFC 7644 §3.4.2.2 filter. Precedence is `not` > `and` > `or` (Table 5), both binary operators
 * associate to the left, and keywords, operators and `true`/`false`/`null` are case-insensitive.
 * Never throws: every input yields a filter or an error with a position.
 */
export function parseFilter(text: string, options: LexOptions = {}): Result<Filter, FilterSyntaxError> {
  const located = parseFilterWithPositions(text, options);
  return located.ok ? ok(located.value.filter) : located;
}

export function parseFilterWithPositions(
  text: string,
  options: LexOptions = {},
): Result<LocatedFilter, FilterSyntaxError> {
  const lexed = lexFilter(text, options);
  if (!lexed.ok) return lexed;
  const state: ParserState = { text, tokens: lexed.value, index: 0, terms: 0, positions: new Map() };
  if (peek(state).kind === 'end') return fail(0, 'the filter is empty');
  const filter = parseOr(state, 0, false);
  if (!filter.ok) return filter;
  const next = peek(state);
  if (next.kind === ')' || next.kind === ']') {
    const opener = next.kind === ')' ? '(' : '[';
    return fail(next.start, `unbalanced "${next.kind}" at position ${next.start}: no "${opener}" to close`);
  }
  if (next.kind !== 'end') return expected(state, '"and", "or" or the end of the filter', next);
  return ok({ filter: filter.value, positions: state.positions });
}

/**
 * Parses `"[" valFilter "]"` where `tokens[index]` is the "[" (RFC 7644 §3.5.2 PATCH paths reuse the
 * filter grammar for the bracket). Returns the filter and the index of the token after "]".
 */
export function parseValFilter(
  text: string,
  tokens: readonly FilterToken[],
  index: number,
): Result<{ readonly filter: Filter; readonly next: number }, FilterSyntaxError> {
  const state: ParserState = { text, tokens, index, terms: 0, positions: new Map() };
  const filter = parseBracket(state, 0);
  return filter.ok ? ok({ filter: filter.value, next: state.index }) : filter;
}

function parseOr(state: ParserState, depth: number, inBracket: boolean): Parsed<Filter> {
  let left = parseAnd(state, depth, inBracket);
  while (left.ok && isKeyword(peek(state), 'or')) {
    state.index += 1;
    const right = parseAnd(state, depth, inBracket);
    if (!right.ok) return right;
    left = ok({ kind: 'or', left: left.value, right: right.value });
  }
  return left;
}

function parseAnd(state: ParserState, depth: number, inBracket: boolean): Parsed<Filter> {
  let left = parseFactor(state, depth, inBracket);
  while (left.ok && isKeyword(peek(state), 'and')) {
    state.index += 1;
    const right = parseFactor(state, depth, inBracket);
    if (!right.ok) return right;
    left = ok({ kind: 'and', left: left.value, right: right.value });
  }
  return left;
}

/** RFC 7644 §3.4.2.2: `attrExp / valuePath / *1"not" "(" FILTER ")"`. */
function parseFactor(state: ParserState, depth: number, inBracket: boolean): Parsed<Filter> {
  const token = peek(state);
  if (isKeyword(token, 'not') && peek(state, 1).kind === '(') {
    state.index += 1;
    const inner = parseGroup(state, depth, inBracket);
    return inner.ok ? ok({ kind: 'not', filter: inner.value }) : inner;
  }
  if (isKeyword(token, 'not') && !isOperatorWord(peek(state, 1))) {
    return expected(state, '"(" after "not"', peek(state, 1));
  }
  if (token.kind === '(') return parseGroup(state, depth, inBracket);
  if (token.kind === 'word') return parseAttributeExpression(state, token, depth, inBracket);
  return expected(state, 'an attribute name, "not" or "("', token);
}

function parseGroup(state: ParserState, depth: number, inBracket: boolean): Parsed<Filter> {
  const open = peek(state);
  if (depth >= MAX_DEPTH) return fail(open.start, `the filter nests deeper than ${MAX_DEPTH} levels`);
  state.index += 1;
  const inner = parseOr(state, depth + 1, inBracket);
  if (!inner.ok) return inner;
  const close = expectClose(
    state,
    open.start,
    ')',
    inBracket ? '"and", "or", ")" or "]"' : '"and", "or" or ")"',
  );
  return close.ok ? inner : close;
}

function parseAttributeExpression(
  state: ParserState,
  token: Extract<FilterToken, { kind: 'word' }>,
  depth: number,
  inBracket: boolean,
): Parsed<Filter> {
  const path = parsePath(state, token);
  if (!path.ok) return path;
  const open = peek(state);
  if (open.kind !== '[') return parseAttributeTail(state, path.value, token);

  if (inBracket) return fail(open.start, `value filters cannot be nested ("[" at position ${open.start})`);
  if (path.value.subAttribute !== undefined) {
    return fail(
      open.start,
      `a value filter applies to an attribute, not to "${token.text}", at position ${open.start}`,
    );
  }
  const inner = parseBracket(state, depth);
  if (!inner.ok) return inner;
  if (peek(state).kind !== '.') return ok({ kind: 'valuePath', path: path.value, filter: inner.value });

  // Quirk: the RFC 7644 §3.4.2.2 filter ABNF has no `valuePath "." subAttr` (only PATCH paths, §3.5.2, do),
  // yet clients such as Entra ID send `emails[type eq "work"].value eq "x"`. It means "one element has type
  // work and that element's value is x", so it becomes the value path `emails[type eq "work" and value eq "x"]`.
  state.index += 1;
  const subToken = peek(state);
  if (subToken.kind !== 'word' || !isAttributeName(subToken.text)) {
    return expected(state, 'a sub-attribute name after "]."', subToken);
  }
  const subPath = parsePath(state, subToken);
  if (!subPath.ok) return subPath;
  const tail = parseAttributeTail(state, subPath.value, subToken);
  if (!tail.ok) return tail;
  return ok({
    kind: 'valuePath',
    path: path.value,
    filter: { kind: 'and', left: inner.value, right: tail.value },
  });
}

function parseBracket(state: ParserState, depth: number): Parsed<Filter> {
  const open = peek(state);
  if (depth >= MAX_DEPTH) return fail(open.start, `the filter nests deeper than ${MAX_DEPTH} levels`);
  state.index += 1;
  const inner = parseOr(state, depth + 1, true);
  if (!inner.ok) return inner;
  const close = expectClose(state, open.start, ']', '"and", "or" or "]"');
  return close.ok ? inner : close;
}

/** `SP "pr"` or `SP compareOp SP compValue` after an attribute path. */
function parseAttributeTail(state: ParserState, path: AttributePath, pathToken: FilterToken): Parsed<Filter> {
  const opToken = peek(state);
  const op = opToken.kind === 'word' ? opToken.text.toLowerCase() : '';
  if (op === 'pr') {
    state.index += 1;
    const after = peek(state);
    if (literalOf(after) !== undefined) {
      return fail(
        after.start,
        `"pr" takes no value, but found ${describe(state, after)} at position ${after.start}`,
      );
    }
    return ok({ kind: 'present', path });
  }
  if (!OPERATORS.has(op)) {
    return expected(state, `a comparison operator after ${describe(state, pathToken)}`, opToken);
  }
  state.index += 1;
  const valueToken = peek(state);
  const value = literalOf(valueToken);
  if (value === undefined) {
    const hint = valueToken.kind === 'word' ? ' (strings need double quotes)' : '';
    return expected(state, `a value after ${describe(state, opToken)}`, valueToken, hint);
  }
  state.index += 1;
  return ok({ kind: 'compare', path, op: op as ComparisonOperator, value: value.value });
}

function parsePath(state: ParserState, token: Extract<FilterToken, { kind: 'word' }>): Parsed<AttributePath> {
  const path = parseAttributePath(token.text, token.start);
  if (!path.ok) return path;
  state.terms += 1;
  if (state.terms > MAX_TERMS)
    return fail(token.start, `the filter has more than ${MAX_TERMS} attribute expressions`);
  state.positions.set(path.value, token.start);
  state.index += 1;
  return path;
}

/** RFC 7644 §3.4.2.2 compValue = false / null / true / number / string. */
function literalOf(token: FilterToken): { readonly value: FilterValue } | undefined {
  if (token.kind === 'string' || token.kind === 'number') return { value: token.value };
  if (token.kind !== 'word') return undefined;
  const word = token.text.toLowerCase();
  if (word === 'true') return { value: true };
  if (word === 'false') return { value: false };
  if (word === 'null') return { value: null };
  return undefined;
}

/** An unclosed group is reported at its opener, which is what the writer has to fix. */
function expectClose(
  state: ParserState,
  openStart: number,
  kind: ')' | ']',
  alternatives: string,
): Parsed<null> {
  const token = peek(state);
  if (token.kind === kind) {
    state.index += 1;
    return ok(null);
  }
  if (token.kind === 'end') {
    const opener = kind === ')' ? '(' : '[';
    return fail(openStart, `"${opener}" at position ${openStart} is never closed: expected "${kind}"`);
  }
  return expected(state, alternatives, token);
}

function peek(state: ParserState, ahead = 0): FilterToken {
  const last = state.tokens[state.tokens.length - 1] ?? { kind: 'end', start: 0, end: 0 };
  return state.tokens[state.index + ahead] ?? last;
}

function isKeyword(token: FilterToken, keyword: string): boolean {
  return token.kind === 'word' && token.text.toLowerCase() === keyword;
}

/** `not eq "x"` compares an attribute called "not"; only `not` before "(" or a non-operator is the keyword. */
function isOperatorWord(token: FilterToken): boolean {
  return (
    token.kind === 'word' && (OPERATORS.has(token.text.toLowerCase()) || token.text.toLowerCase() === 'pr')
  );
}

function describe(state: ParserState, token: FilterToken): string {
  const raw = state.text.slice(token.start, token.end);
  switch (token.kind) {
    case 'end':
      return 'the end of the filter';
    case 'string':
      return `the string ${raw}`;
    case 'number':
      return `the number ${raw}`;
    default:
      return `"${raw}"`;
  }
}

function expected(state: ParserState, what: string, found: FilterToken, hint = ''): Parsed<never> {
  return fail(
    found.start,
    `expected ${what} at position ${found.start} but found ${describe(state, found)}${hint}`,
  );
}

function fail(position: number, reason: string): Parsed<never> {
  return err({ position, reason });
}
