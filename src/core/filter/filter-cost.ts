import { InvalidFilterError } from '../errors.js';
import type { ResolvedPath } from '../path/attribute-path.js';
import type { ComparisonOperator, ResolvedFilter } from './filter-ast.js';

/**
 * What a filter asks of the database, estimated before it runs (issue 14: 200 `or`-ed
 * `groups.display sw` clauses ran for 25 s on SQLite, where a query blocks the event loop, while 1,000
 * `userName eq` clauses are cheap). The unit is one indexed equality test. A comparison the indexes
 * answer (`userName eq`, `emails.value eq`, `members.value eq`, …) costs one lookup whatever the
 * directory's size; any other makes the database test every resource of the listed type (or, for
 * `members.*` of groups, every membership), at a weight per resource set by its operator and path.
 */
export interface FilterCost {
  /** Index lookups, independent of the directory's size. */
  readonly lookups: number;
  /** Comparisons (and presence tests) in the filter. */
  readonly comparisons: number;
  /**
   * Comparisons on `emails`, `members` or `groups`, which compile to a subquery on another table:
   * PostgreSQL plans `and`-ed ones as joins, and its planning time explodes with their number
   * (measured: 16 `groups.display sw` joined by `and` planned in 0.3 s, 32 in 2 s, 48 in 7 s, 201
   * `emails.value ew` ran into the 30 s statement timeout on 30 users).
   */
  readonly joins: number;
  /** Whether the database must test every resource (no `and` with an indexed side narrows it). */
  readonly scans: boolean;
  /** Work per resource of the listed type while scanning. */
  readonly perResource: number;
  /** Work per membership row while scanning (`members.*` of groups: a group has many). */
  readonly perMembership: number;
  /**
   * Deepest nesting of and/or/not/value paths; a lone comparison is depth 1, and a chain of one operator
   * (`a or b or c`) is one level however long it is.
   */
  readonly depth: number;
}

/**
 * Weights in units of about 0.5 µs of SQLite work per resource tested, measured at 5,000 users with
 * 1.5 KB values on a loaded 2-core machine: a key column (stored folded) 0.44 µs; an emails side-table
 * pass 0.1 µs; a case-insensitive attribute read from the JSON document 8 µs for `eq` and 17 µs for `co`
 * (the Unicode case fold is a JavaScript function called per row); a membership id 7.6 µs; a member's
 * display name 11 µs. The default budget, 100,000, is therefore about 50 ms.
 */
const OPERATOR_WEIGHT: ReadonlyMap<ComparisonOperator | 'pr', number> = new Map([
  ['eq', 1],
  ['ne', 1],
  ['gt', 1],
  ['ge', 1],
  ['lt', 1],
  ['le', 1],
  ['pr', 1],
  ['sw', 2],
  ['co', 2],
  ['ew', 2],
]);

/** Attributes the store keeps in their own indexed, pre-folded columns (see store/filter-to-sql.ts). */
const KEY_ATTRIBUTES: ReadonlySet<string> = new Set(['id', 'externalId', 'userName', 'displayName']);

function isMembership(path: ResolvedPath): boolean {
  return !path.isExtension && (path.attribute.name === 'members' || path.attribute.name === 'groups');
}

function isIndexedEquality(path: ResolvedPath, op: ComparisonOperator | 'pr', value: unknown): boolean {
  if (op !== 'eq' || value === null || path.isExtension) return false;
  const name = path.attribute.name;
  if (KEY_ATTRIBUTES.has(name)) return true;
  // emails.value lives in scim_emails, indexed by value. (A membership id is an index probe too, but
  // one per resource tested: the SQL is a correlated EXISTS, so it scans.)
  return name === 'emails' && path.subAttribute?.name === 'value';
}

/** Compared through the per-row Unicode case fold. */
function isFolded(path: ResolvedPath): boolean {
  const target = path.subAttribute ?? path.attribute;
  return (target.type === 'string' || target.type === 'reference') && !target.caseExact;
}

/** A path's weight per resource tested (units above). */
function pathWeight(path: ResolvedPath): number {
  const name = path.attribute.name;
  if (isMembership(path)) return (path.subAttribute?.name ?? 'value') === 'value' ? 16 : 24;
  if (!path.isExtension && (KEY_ATTRIBUTES.has(name) || name === 'meta' || name === 'emails')) return 1;
  if (path.attribute.multiValued) return isFolded(path) ? 16 : 4;
  return isFolded(path) ? 16 : 2;
}

function leaf(path: ResolvedPath, op: ComparisonOperator | 'pr', value: unknown): FilterCost {
  const weight = (OPERATOR_WEIGHT.get(op) ?? 2) * pathWeight(path);
  // Members of a group are many: reading their display or type grows with the memberships, not with
  // the groups (a member id is one probe per group).
  const perGroupMember =
    isMembership(path) &&
    path.attribute.name === 'members' &&
    (path.subAttribute?.name ?? 'value') !== 'value';
  const name = path.isExtension ? '' : path.attribute.name;
  return {
    lookups: 1,
    comparisons: 1,
    joins: name === 'emails' || name === 'members' || name === 'groups' ? 1 : 0,
    scans: op === 'pr' || !isIndexedEquality(path, op, value),
    perResource: perGroupMember ? 0 : weight,
    perMembership: perGroupMember ? weight : 0,
    depth: 1,
  };
}

export function filterCost(filter: ResolvedFilter): FilterCost {
  switch (filter.kind) {
    case 'compare':
      return leaf(filter.path, filter.op, filter.value);
    case 'present':
      return leaf(filter.path, 'pr', undefined);
    case 'and':
    case 'or': {
      const left = filterCost(filter.left);
      const right = filterCost(filter.right);
      const level = (child: ResolvedFilter, cost: FilterCost) =>
        child.kind === filter.kind ? cost.depth : cost.depth + 1;
      const depth = Math.max(level(filter.left, left), level(filter.right, right));
      const perResource = left.perResource + right.perResource;
      const perMembership = left.perMembership + right.perMembership;
      const comparisons = left.comparisons + right.comparisons;
      const joins = left.joins + right.joins;
      if (filter.kind === 'and' && (!left.scans || !right.scans)) {
        // An indexed side narrows the candidates; the other side is tested on those few.
        const lookups = (left.scans ? 0 : left.lookups) + (right.scans ? 0 : right.lookups);
        return { lookups, comparisons, joins, scans: false, perResource, perMembership, depth };
      }
      return {
        lookups: left.lookups + right.lookups,
        comparisons,
        joins,
        scans: left.scans || right.scans,
        perResource,
        perMembership,
        depth,
      };
    }
    case 'not': {
      // No index answers a negation: every resource is tested.
      const inner = filterCost(filter.filter);
      return { ...inner, scans: true, depth: inner.depth + 1 };
    }
    case 'valuePath': {
      // The inner paths already carry the multi-valued attribute, so their weights count the elements.
      const inner = filterCost(filter.filter);
      return { ...inner, depth: inner.depth + 1 };
    }
  }
}

/** How many resources a scanning filter would test: the listed type's, and the integration's memberships. */
export interface DirectorySize {
  readonly resources: number;
  /** Stands in for the membership rows (users are the members; most belong to a few groups). */
  readonly users: number;
}

/**
 * Whether an engine whose queries block the event loop should run this filter elsewhere (SQLite's
 * worker-thread reader): when it scans, and when it is more than the one or two indexed comparisons
 * identity providers send. Besides time, this bounds memory: better-sqlite3 keeps every distinct
 * prepared statement until its connection closes (measured: 2,500 distinct filter shapes, +200 MB,
 * not given back by GC), so the many shapes of ad-hoc filters go to the reader, which renews its
 * connection, and the main connection prepares only a small, fixed set of shapes.
 */
export function runsOffTheEventLoop(cost: FilterCost): boolean {
  return cost.scans || cost.comparisons > 2;
}

/** The most comparisons on emails, members or groups one filter may hold (see FilterCost.joins). */
export const MAX_FILTER_JOINS = 10;

export function estimatedFilterCost(cost: FilterCost, size: DirectorySize): number {
  if (!cost.scans) return cost.lookups;
  return cost.lookups + cost.perResource * size.resources + cost.perMembership * size.users;
}

/**
 * Refuses a filter whose estimated cost is over the budget, with RFC 7644 §3.12 `invalidFilter`. On
 * SQLite a query runs on the event loop, so it is refused rather than run; PostgreSQL answers the same.
 */
export function checkFilterCost(cost: FilterCost, size: DirectorySize, maxCost: number): void {
  const estimate = estimatedFilterCost(cost, size);
  if (estimate <= maxCost) return;
  throw new InvalidFilterError(
    `The filter is too complex: its estimated cost is ${Math.round(estimate)} for ${size.resources} resources, over the limit of ${maxCost} (ROSTER_FILTER_MAX_COST). ` +
      'Comparisons that an index answers ("eq" on id, externalId, userName, displayName, emails.value or a member id) cost 1 each; ' +
      'any other comparison costs per resource; combine it with "and" and an indexed comparison, or split the query.',
  );
}
