import { InvalidFilterError, InvalidPathError } from '../errors.js';
import { resolveFilter } from '../filter/resolve-filter.js';
import type { PathSyntaxError } from '../path/parse-attribute-path.js';
import { parsePatchPath } from '../path/parse-patch-path.js';
import { resolvePath } from '../path/resolve-path.js';
import { findSubAttribute } from '../schema/attribute-definition.js';
import type { ResourceTypeDefinition } from '../schema/resource-types.js';
import type { PatchTarget } from './patch-operation.js';

/**
 * Parses a PATCH `path` and binds it to the resource type's schemas (RFC 7644 §3.5.2). A path that does
 * not parse or names no attribute is `invalidPath`; a problem inside the value filter's brackets
 * (syntax, unknown sub-attribute, mistyped comparison value) is `invalidFilter` (RFC 7644 §3.12).
 */
export function resolvePatchTarget(type: ResourceTypeDefinition, text: string): PatchTarget {
  const parsed = parsePatchPath(text);
  if (!parsed.ok) throw syntaxError(text, parsed.error);
  const path = parsed.value;

  if (path.kind === 'attributePath') {
    const resolved = resolvePath(type, path);
    if (!resolved.ok) throw new InvalidPathError(`Invalid path "${text}": ${resolved.error}.`);
    return { kind: 'attribute', text, path: resolved.value };
  }

  const outer = resolvePath(type, path.path);
  if (!outer.ok) throw new InvalidPathError(`Invalid path "${text}": ${outer.error}.`);
  const attribute = outer.value.attribute;
  if (attribute.type !== 'complex' || !attribute.multiValued) {
    throw new InvalidPathError(
      `Invalid path "${text}": "${attribute.name}" is not a multi-valued complex attribute, so a value filter "[…]" does not apply.`,
    );
  }
  const filter = resolveFilter(type, { kind: 'valuePath', path: path.path, filter: path.filter });
  if (!filter.ok) throw new InvalidFilterError(`Invalid filter in path "${text}": ${filter.error.reason}.`);
  if (filter.value.kind !== 'valuePath') {
    throw new InvalidFilterError(`Invalid filter in path "${text}".`);
  }

  let subAttribute;
  if (path.subAttribute !== undefined) {
    subAttribute = findSubAttribute(attribute, path.subAttribute);
    if (subAttribute === undefined) {
      throw new InvalidPathError(
        `Invalid path "${text}": unknown sub-attribute "${path.subAttribute}" of "${attribute.name}".`,
      );
    }
  }
  return { kind: 'filtered', text, path: outer.value, filter: filter.value.filter, subAttribute };
}

/** A syntax error between "[" and its "]" is the filter's; anywhere else it is the path's. */
function syntaxError(text: string, error: PathSyntaxError): InvalidPathError | InvalidFilterError {
  const open = text.indexOf('[');
  const close = text.lastIndexOf(']');
  const insideBrackets = open >= 0 && error.position > open && (close < open || error.position <= close);
  return insideBrackets
    ? new InvalidFilterError(`Invalid filter in path "${text}": ${error.reason}.`)
    : new InvalidPathError(`Invalid path "${text}": ${error.reason}.`);
}
