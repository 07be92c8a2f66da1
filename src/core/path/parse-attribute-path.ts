import { err, ok, type Result } from '../result.js';
import type { AttributePath } from './attribute-path.js';

/** Where a path (or a filter containing one) stops making sense, as a 0-based character offset. */
export interface PathSyntaxError {
  readonly position: number;
  readonly reason: string;
}

// RFC 7644 §3.10: ATTRNAME = ALPHA *(nameChar), nameChar = "-" / "_" / DIGIT / ALPHA.
// RFC 7643 §2.4 adds "$ref" as a sub-attribute name, so it is accepted wherever a name is.
const ATTRNAME = /^(?:[A-Za-z][A-Za-z0-9_-]*|\$ref)$/i;
// A schema URN is `urn:<NID>:<NSS>`; schema ids use letters, digits, dots, hyphens and underscores
// (RFC 7643 §8.7, and every extension URN we have seen from IdPs).
const SCHEMA_URN = /^urn:[A-Za-z0-9][A-Za-z0-9-]*(?::[A-Za-z0-9._-]+)+$/i;

export function isAttributeName(text: string): boolean {
  return ATTRNAME.test(text);
}

/** True for text a path can carry as its schema URN (so an extension's attributes are addressable). */
export function isSchemaUrn(text: string): boolean {
  return SCHEMA_URN.test(text);
}

/**
 * Parses an RFC 7644 §3.10 `attrPath`: `[URI ":"] ATTRNAME *1subAttr`, e.g. `userName`, `name.givenName`,
 * `urn:ietf:params:scim:schemas:core:2.0:User:name.givenName`. The URN is everything up to the last colon,
 * because URNs contain dots ("2.0") but attribute names never contain colons.
 *
 * `offset` is where `text` starts inside a larger input (a filter or PATCH path), so positions and reasons
 * point into that input.
 */
export function parseAttributePath(text: string, offset = 0): Result<AttributePath, PathSyntaxError> {
  const fail = (at: number, reason: string) =>
    err({ position: offset + at, reason: `${reason} at position ${offset + at}` });
  if (text.length === 0) return fail(0, 'expected an attribute name');

  const lastColon = text.lastIndexOf(':');
  let schemaUrn: string | undefined;
  let nameStart = 0;
  if (lastColon >= 0) {
    schemaUrn = text.slice(0, lastColon);
    nameStart = lastColon + 1;
    if (!SCHEMA_URN.test(schemaUrn)) {
      return fail(0, `"${schemaUrn}" is not a schema URN (expected "urn:…:attribute")`);
    }
    if (nameStart === text.length) return fail(nameStart, `expected an attribute name after "${schemaUrn}:"`);
  }

  const names = text.slice(nameStart).split('.');
  if (names.length > 2) {
    const secondDot = nameStart + (names[0]?.length ?? 0) + 1 + (names[1]?.length ?? 0);
    return fail(secondDot, 'an attribute path has at most one sub-attribute');
  }
  const [attribute = '', subAttribute] = names;
  if (!ATTRNAME.test(attribute)) return fail(nameStart, describeBadName(attribute));
  if (subAttribute !== undefined && !ATTRNAME.test(subAttribute)) {
    return fail(nameStart + attribute.length + 1, describeBadName(subAttribute));
  }
  return ok({ kind: 'attributePath', schemaUrn, attribute, subAttribute });
}

function describeBadName(name: string): string {
  if (name.length === 0) return 'expected an attribute name';
  return `"${name}" is not an attribute name (a letter, then letters, digits, "-" or "_")`;
}
