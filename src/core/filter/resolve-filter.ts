import type { AttributePath, ResolvedPath } from '../path/attribute-path.js';
import { resolvePath, resolveRelativePath } from '../path/resolve-path.js';
import { err, ok, type Result } from '../result.js';
import { findSubAttribute, type AttributeDefinition } from '../schema/attribute-definition.js';
import type { ResourceTypeDefinition } from '../schema/resource-types.js';
import type { ComparisonOperator, Filter, FilterValue, ResolvedFilter } from './filter-ast.js';
import { canonicalDateTime } from './parse-date-time.js';

export interface FilterResolutionError {
  readonly reason: string;
  /** Where the offending path was written, when the caller passed the positions from the parser. */
  readonly position?: number;
}

type Resolved<T> = Result<T, FilterResolutionError>;

const ORDERING: ReadonlySet<ComparisonOperator> = new Set(['gt', 'ge', 'lt', 'le']);
const SUBSTRING: ReadonlySet<ComparisonOperator> = new Set(['co', 'sw', 'ew']);

/**
 * Binds every path of a parsed filter to the resource type's schemas and checks RFC 7644 §3.4.2.2's rules
 * for operators and values. The result is what the evaluator and the SQL compiler consume, normalised so
 * they have fewer cases to agree on:
 * - `x eq null` becomes `not (x pr)` and `x ne null` becomes `x pr` (null means "no value", RFC 7643 §2.5);
 * - `emails eq "a@b.c"` (multi-valued complex, no sub-attribute) becomes `emails.value eq "a@b.c"`;
 * - dateTime values become canonical UTC strings, `2024-01-01T00:00:00.000Z`.
 *
 * `positions` (from `parseFilterWithPositions`) lets errors point at the path they are about.
 */
export function resolveFilter(
  resourceType: ResourceTypeDefinition,
  filter: Filter,
  positions?: ReadonlyMap<AttributePath, number>,
): Result<ResolvedFilter, FilterResolutionError> {
  const fail = (path: AttributePath, reason: string): Resolved<never> => {
    const position = positions?.get(path);
    return err(position === undefined ? { reason } : { reason, position });
  };

  const bind = (path: AttributePath, scope: ResolvedPath | undefined): Resolved<ResolvedPath> => {
    const resolved = scope === undefined ? resolvePath(resourceType, path) : resolveRelativePath(scope, path);
    if (!resolved.ok) return fail(path, resolved.error);
    const { attribute, subAttribute } = resolved.value;
    // Attributes never returned (RFC 7643 §7 `returned: never`, e.g. password) must not be probed by filters.
    if (attribute.returned === 'never' || subAttribute?.returned === 'never') {
      return fail(path, `"${label(resolved.value)}" cannot be used in a filter`);
    }
    return resolved;
  };

  const walk = (node: Filter, scope: ResolvedPath | undefined): Resolved<ResolvedFilter> => {
    switch (node.kind) {
      case 'and':
      case 'or': {
        const left = walk(node.left, scope);
        if (!left.ok) return left;
        const right = walk(node.right, scope);
        return right.ok ? ok({ kind: node.kind, left: left.value, right: right.value }) : right;
      }
      case 'not': {
        const inner = walk(node.filter, scope);
        return inner.ok ? ok({ kind: 'not', filter: inner.value }) : inner;
      }
      case 'present': {
        const path = bind(node.path, scope);
        return path.ok ? ok({ kind: 'present', path: path.value }) : path;
      }
      case 'valuePath': {
        if (scope !== undefined) return fail(node.path, 'value filters cannot be nested');
        const path = bind(node.path, undefined);
        if (!path.ok) return path;
        const { attribute } = path.value;
        if (attribute.type !== 'complex' || !attribute.multiValued || path.value.subAttribute !== undefined) {
          return fail(
            node.path,
            `"${label(path.value)}" is not a multi-valued complex attribute, so "[…]" does not apply`,
          );
        }
        const inner = walk(node.filter, path.value);
        return inner.ok ? ok({ kind: 'valuePath', path: path.value, filter: inner.value }) : inner;
      }
      case 'compare': {
        const path = bind(node.path, scope);
        if (!path.ok) return path;
        const checked = checkComparison(path.value, node.op, node.value);
        return checked.ok ? ok(checked.value) : fail(node.path, checked.error);
      }
    }
  };
  return walk(filter, undefined);
}

function checkComparison(
  resolved: ResolvedPath,
  op: ComparisonOperator,
  value: FilterValue,
): Result<ResolvedFilter, string> {
  if (value === null) {
    if (op !== 'eq' && op !== 'ne') return err(`null can only be compared with "eq" or "ne", not "${op}"`);
    const present: ResolvedFilter = { kind: 'present', path: resolved };
    return ok(op === 'eq' ? { kind: 'not', filter: present } : present);
  }
  let path = resolved;
  if (effective(path).type === 'complex') {
    // RFC 7644 §3.4.2.2: a multi-valued attribute without a sub-attribute compares its "value"
    // sub-attribute ("emails co \"@example.com\""). Entra does the same with the singular enterprise
    // `manager` ("manager eq \"<id>\"", its SCIM tutorial), so any complex attribute with a `value` does.
    const valueSub = findSubAttribute(path.attribute, 'value');
    if (path.subAttribute !== undefined || valueSub === undefined) {
      return err(`"${label(path)}" is complex: compare one of its sub-attributes, or use "pr"`);
    }
    path = { ...path, subAttribute: valueSub };
  }
  const definition = effective(path);
  const type = definition.type;
  if (ORDERING.has(op) && (type === 'boolean' || type === 'binary')) {
    return err(`"${label(path)}" is ${type}, so it cannot be compared with "${op}"`);
  }
  if (SUBSTRING.has(op) && !isStringLike(definition)) {
    return err(`"${op}" only applies to strings, and "${label(path)}" is ${type}`);
  }
  const typed = checkValueType(path, definition, value);
  return typed.ok ? ok({ kind: 'compare', path, op, value: typed.value }) : typed;
}

function checkValueType(
  path: ResolvedPath,
  definition: AttributeDefinition,
  value: string | number | boolean,
): Result<FilterValue, string> {
  const name = label(path);
  const shown = JSON.stringify(value);
  switch (definition.type) {
    case 'boolean':
      return typeof value === 'boolean'
        ? ok(value)
        : err(`"${name}" is boolean, so compare it with true or false, not ${shown}`);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
        ? ok(value)
        : err(`"${name}" is integer, so the value must be a whole number, not ${shown}`);
    case 'decimal':
      return typeof value === 'number'
        ? ok(value)
        : err(`"${name}" is decimal, so the value must be a number, not ${shown}`);
    case 'dateTime': {
      const canonical = typeof value === 'string' ? canonicalDateTime(value) : undefined;
      return canonical !== undefined
        ? ok(canonical)
        : err(
            `"${name}" is dateTime, so the value must be an RFC 3339 date-time such as "2024-01-31T09:00:00Z", not ${shown}`,
          );
    }
    default:
      return typeof value === 'string'
        ? ok(value)
        : err(`"${name}" is ${definition.type}, so the value must be a quoted string, not ${shown}`);
  }
}

function isStringLike(definition: AttributeDefinition): boolean {
  return definition.type === 'string' || definition.type === 'reference' || definition.type === 'binary';
}

function effective(path: ResolvedPath): AttributeDefinition {
  return path.subAttribute ?? path.attribute;
}

function label(path: ResolvedPath): string {
  return path.subAttribute === undefined
    ? path.attribute.name
    : `${path.attribute.name}.${path.subAttribute.name}`;
}
