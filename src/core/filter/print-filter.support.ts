import { pathText } from '../path/path-text.js';
import type { Filter, FilterValue } from './filter-ast.js';

// Binding strength, RFC 7644 §3.4.2.2 Table 5: or < and < everything else (atoms, not, value paths).
const OR = 1;
const AND = 2;
const ATOM = 3;

/**
 * Prints a filter as canonical text: lower-case keywords, single spaces, JSON literals, and parentheses only
 * where precedence or left-associativity needs them, so `parseFilter(printFilter(f))` gives back `f`.
 */
export function printFilter(filter: Filter): string {
  return print(filter, OR);
}

function print(node: Filter, context: number): string {
  switch (node.kind) {
    case 'or':
      return group(`${print(node.left, OR)} or ${print(node.right, AND)}`, OR, context);
    case 'and':
      return group(`${print(node.left, AND)} and ${print(node.right, ATOM)}`, AND, context);
    case 'not':
      return `not (${print(node.filter, OR)})`;
    case 'present':
      return `${pathText(node.path)} pr`;
    case 'compare':
      return `${pathText(node.path)} ${node.op} ${printValue(node.value)}`;
    case 'valuePath':
      return `${pathText(node.path)}[${print(node.filter, OR)}]`;
  }
}

function group(text: string, strength: number, context: number): string {
  return strength < context ? `(${text})` : text;
}

function printValue(value: FilterValue): string {
  // JSON.stringify escapes quotes, backslashes, control characters and lone surrogates (RFC 8259 §7).
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  return String(value);
}
