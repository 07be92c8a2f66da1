import type { ResolvedPath } from '../path/attribute-path.js';
import type { AttributeDefinition } from '../schema/attribute-definition.js';
import type { ComparisonOperator, FilterValue, ResolvedFilter } from './filter-ast.js';
import { parseDateTime } from './parse-date-time.js';

type Resource = Readonly<Record<string, unknown>>;

/**
 * Evaluates a resolved filter against a resource in SCIM wire form (canonical attribute names, extension
 * attributes under their schema URN). This is the reference semantics; the SQL compiler must agree with
 * it on the shared fixture table. Two-valued logic throughout: a missing value makes a comparison false,
 * never "unknown", so `not` is plain negation (SQL must use `IS NOT TRUE`-style negation to match).
 *
 * - A multi-valued attribute matches when ANY of its values matches (RFC 7644 §3.4.2.2); a value path
 *   `emails[…]` requires one element to satisfy the whole bracket.
 * - `ne` is the negation of `eq`: true when the attribute is missing, and for multi-valued attributes
 *   true when NO value is equal (like SQL `IS DISTINCT FROM` with NULL, and what most servers do).
 * - Strings fold with `toLowerCase()` unless the attribute is `caseExact` (RFC 7643 §2.2); `gt`/`lt`
 *   order them by Unicode code point, which is UTF-8 byte order (SQLite BINARY, PostgreSQL "C").
 * - dateTime compares as instants, numbers numerically, booleans only by equality.
 * - `pr` means some value other than null, "", [] or an object whose members are all absent.
 */
export function evaluateFilter(resource: Resource, filter: ResolvedFilter): boolean {
  return evaluate(filter, resource, undefined);
}

/** `element` is the current element of a value path, to which the bracket's paths are relative. */
function evaluate(node: ResolvedFilter, resource: Resource, element: unknown): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, resource, element) && evaluate(node.right, resource, element);
    case 'or':
      return evaluate(node.left, resource, element) || evaluate(node.right, resource, element);
    case 'not':
      return !evaluate(node.filter, resource, element);
    case 'present':
      return valuesAt(node.path, resource, element).some(isPresent);
    case 'compare':
      return compare(valuesAt(node.path, resource, element), node.path, node.op, node.value);
    case 'valuePath':
      return asList(topLevelValue(node.path, resource)).some(
        (item) => isRecord(item) && evaluate(node.filter, resource, item),
      );
  }
}

function compare(
  values: readonly unknown[],
  path: ResolvedPath,
  op: ComparisonOperator,
  expected: FilterValue,
) {
  // The resolver turns null comparisons into `pr`; hand-built trees get the same meaning here.
  if (expected === null) {
    const present = values.some(isPresent);
    return op === 'eq' ? !present : op === 'ne' && present;
  }
  const definition = path.subAttribute ?? path.attribute;
  if (op === 'ne') return !values.some((actual) => matches(definition, 'eq', actual, expected));
  return values.some((actual) => matches(definition, op, actual, expected));
}

function matches(
  definition: AttributeDefinition,
  op: ComparisonOperator,
  actual: unknown,
  expected: FilterValue,
) {
  switch (definition.type) {
    case 'boolean':
      return op === 'eq' && typeof actual === 'boolean' && actual === expected;
    case 'integer':
    case 'decimal':
      return typeof actual === 'number' && typeof expected === 'number' && order(op, actual - expected);
    case 'dateTime': {
      const a = typeof actual === 'string' ? parseDateTime(actual) : undefined;
      const e = typeof expected === 'string' ? parseDateTime(expected) : undefined;
      return a !== undefined && e !== undefined && order(op, a - e);
    }
    case 'string':
    case 'reference':
    case 'binary': {
      if (typeof actual !== 'string' || typeof expected !== 'string') return false;
      const a = definition.caseExact ? actual : actual.toLowerCase();
      const e = definition.caseExact ? expected : expected.toLowerCase();
      if (op === 'co') return a.includes(e);
      if (op === 'sw') return a.startsWith(e);
      if (op === 'ew') return a.endsWith(e);
      return order(op, compareCodePoints(a, e));
    }
    case 'complex':
      return false;
  }
}

/** Applies an equality or ordering operator to the sign of a comparison; substring operators never match. */
function order(op: ComparisonOperator, difference: number): boolean {
  switch (op) {
    case 'eq':
      return difference === 0;
    case 'ne':
      return difference !== 0;
    case 'gt':
      return difference > 0;
    case 'ge':
      return difference >= 0;
    case 'lt':
      return difference < 0;
    case 'le':
      return difference <= 0;
    default:
      return false;
  }
}

/** Code point order; JavaScript's `<` compares UTF-16 code units, which misorders astral characters. */
function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) return (a.codePointAt(i) ?? 0) - (b.codePointAt(i) ?? 0);
  }
  return a.length - b.length;
}

function topLevelValue(path: ResolvedPath, resource: Resource): unknown {
  const container = path.isExtension ? resource[path.schemaUrn] : resource;
  return isRecord(container) ? container[path.attribute.name] : undefined;
}

/** Every value a path reaches, flattening multi-valued attributes and dropping nulls. */
function valuesAt(path: ResolvedPath, resource: Resource, element: unknown): unknown[] {
  const sub = path.subAttribute;
  if (element !== undefined)
    return sub === undefined ? [element] : asList(isRecord(element) ? element[sub.name] : undefined);
  const top = asList(topLevelValue(path, resource));
  if (sub === undefined) return top;
  return top.flatMap((item) => asList(isRecord(item) ? item[sub.name] : undefined));
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.filter((item) => item !== undefined && item !== null);
  return [value];
}

function isPresent(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.some(isPresent);
  if (isRecord(value)) return Object.values(value).some(isPresent);
  return true;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
