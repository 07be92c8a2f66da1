import type { ResolvedPath } from '../path/attribute-path.js';
import type { ComparisonOperator, ResolvedFilter } from './filter-ast.js';

/**
 * What a filter asks of the database, estimated before it runs (issue 14: 200 `or`-ed
 * `groups.display sw` clauses ran for 25 s on SQLite, where a query blocks the event loop, while 1,000
 * `userName eq` clauses are cheap). The unit is one indexed equality test. Each comparison costs its
 * operator's weight times its path's weight; `and`, `or` and `not` add their operands' costs.
 */
export interface FilterCost {
  readonly cost: number;
  /**
   * Deepest nesting of and/or/not/value paths; a lone comparison is depth 1, and a chain of one operator
   * (`a or b or c`) is one level however long it is.
   */
  readonly depth: number;
}

/**
 * `eq` and the orderings use an index or a cheap scan test; `sw` can use an index prefix on some engines
 * and not others; `co` and `ew` read every candidate's text.
 */
const OPERATOR_WEIGHT: ReadonlyMap<ComparisonOperator | 'pr', number> = new Map([
  ['eq', 1],
  ['ne', 2],
  ['gt', 1],
  ['ge', 1],
  ['lt', 1],
  ['le', 1],
  ['pr', 1],
  ['sw', 2],
  ['co', 4],
  ['ew', 4],
]);

/** Attributes the store keeps in their own indexed columns (see store/filter-to-sql.ts). */
const KEY_ATTRIBUTES: ReadonlySet<string> = new Set(['id', 'externalId', 'userName', 'displayName', 'meta']);

/**
 * A path's weight: 1 for a key attribute, 2 for another singular attribute (read from the JSON
 * document), 4 for an element of a multi-valued attribute (every element is visited), and for the
 * membership attributes (`members` of a group, `groups` of a user), which join the membership table:
 * 5 for the member id itself, 25 for anything else (the member's display name or type means reading
 * the other side of every membership).
 */
function pathWeight(path: ResolvedPath): number {
  const name = path.attribute.name;
  if (!path.isExtension && (name === 'members' || name === 'groups')) {
    const sub = path.subAttribute?.name ?? 'value';
    return sub === 'value' ? 5 : 25;
  }
  if (path.attribute.multiValued) return 4;
  if (!path.isExtension && KEY_ATTRIBUTES.has(name)) return 1;
  return 2;
}

export function filterCost(filter: ResolvedFilter): FilterCost {
  switch (filter.kind) {
    case 'compare':
      return { cost: (OPERATOR_WEIGHT.get(filter.op) ?? 4) * pathWeight(filter.path), depth: 1 };
    case 'present':
      return { cost: pathWeight(filter.path), depth: 1 };
    case 'and':
    case 'or': {
      const left = filterCost(filter.left);
      const right = filterCost(filter.right);
      const level = (child: ResolvedFilter, cost: FilterCost) =>
        child.kind === filter.kind ? cost.depth : cost.depth + 1;
      return {
        cost: left.cost + right.cost,
        depth: Math.max(level(filter.left, left), level(filter.right, right)),
      };
    }
    case 'not': {
      const inner = filterCost(filter.filter);
      return { cost: inner.cost, depth: inner.depth + 1 };
    }
    case 'valuePath': {
      // The inner paths already carry the multi-valued attribute, so their weights count the elements.
      const inner = filterCost(filter.filter);
      return { cost: inner.cost, depth: inner.depth + 1 };
    }
  }
}
