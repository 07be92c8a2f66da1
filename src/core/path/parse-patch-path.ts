import type { Filter } from '../filter/filter-ast.js';
import { lexFilter, type FilterToken } from '../filter/lex-filter.js';
import { parseValFilter } from '../filter/parse-filter.js';
import { err, ok, type Result } from '../result.js';
import type { AttributePath } from './attribute-path.js';
import { isAttributeName, parseAttributePath, type PathSyntaxError } from './parse-attribute-path.js';

/**
 * RFC 7644 §3.5.2 `valuePath [ "." subAttr ]`: selects the elements of a multi-valued attribute that
 * match `filter`, and optionally one sub-attribute of each. The filter's paths are relative to `path`.
 */
export interface PatchValuePath {
  readonly kind: 'valuePath';
  readonly path: AttributePath;
  readonly filter: Filter;
  readonly subAttribute: string | undefined;
}

export type PatchPath = AttributePath | PatchValuePath;

/**
 * Parses a PATCH operation's `path` (RFC 7644 §3.5.2, `PATH = attrPath / valuePath [subAttr]`), e.g.
 * `name.givenName`, `emails[type eq "work"].value`, `members[value eq "2819c223"]`, or an extension
 * attribute `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager`.
 */
export function parsePatchPath(text: string): Result<PatchPath, PathSyntaxError> {
  const lexed = lexFilter(text);
  if (!lexed.ok) return lexed;
  const tokens = lexed.value;
  const first = tokens[0];
  if (first === undefined || first.kind === 'end') return fail(0, 'the path is empty');
  if (first.kind !== 'word')
    return fail(first.start, `expected an attribute name at position ${first.start}`);

  const path = parseAttributePath(first.text, first.start);
  if (!path.ok) return path;
  const open = tokens[1];
  if (open?.kind === 'end') return path;
  if (open?.kind !== '[') return unexpected(text, open, '"[" or the end of the path');
  if (path.value.subAttribute !== undefined) {
    return fail(
      open.start,
      `a value filter applies to an attribute, not to "${first.text}", at position ${open.start}`,
    );
  }

  const bracket = parseValFilter(text, tokens, 1);
  if (!bracket.ok) return bracket;
  let next = bracket.value.next;
  let subAttribute: string | undefined;
  if (tokens[next]?.kind === '.') {
    const sub = tokens[next + 1];
    if (sub?.kind !== 'word' || !isAttributeName(sub.text)) {
      return unexpected(text, sub, 'a sub-attribute name after "]."');
    }
    subAttribute = sub.text;
    next += 2;
  }
  const end = tokens[next];
  if (end?.kind !== 'end') {
    return unexpected(
      text,
      end,
      subAttribute === undefined ? '"." or the end of the path' : 'the end of the path',
    );
  }
  return ok({ kind: 'valuePath', path: path.value, filter: bracket.value.filter, subAttribute });
}

function unexpected(
  text: string,
  token: FilterToken | undefined,
  what: string,
): Result<never, PathSyntaxError> {
  const at = token?.start ?? text.length;
  const found =
    token === undefined || token.kind === 'end' ? 'the end of the path' : `"${text.slice(at, token.end)}"`;
  return fail(at, `expected ${what} at position ${at} but found ${found}`);
}

function fail(position: number, reason: string): Result<never, PathSyntaxError> {
  return err({ position, reason });
}
