import { InvalidCountError, InvalidFilterError, InvalidValueError } from '../errors.js';
import type { ResolvedFilter } from '../filter/filter-ast.js';
import { parseFilter, type FilterOptions } from '../filter/parse-filter.js';
import { resolveFilter } from '../filter/resolve-filter.js';
import type { ResolvedPath } from '../path/attribute-path.js';
import { parseAttributePath } from '../path/parse-attribute-path.js';
import { resolvePath } from '../path/resolve-path.js';
import { parseProjection, type Projection } from '../resource/projection.js';
import type { ResourceTypeDefinition } from '../schema/resource-types.js';
import { checkFilterCost, filterCost, MAX_FILTER_JOINS } from '../filter/filter-cost.js';
import { defaultInputLimits, type InputLimits } from './input-limits.js';

/** Query parameters as the client sent them (URL query or /.search body), before validation. */
export interface ListParameters {
  readonly filter?: string | undefined;
  readonly sortBy?: string | undefined;
  readonly sortOrder?: string | undefined;
  readonly startIndex?: number | undefined;
  readonly count?: number | undefined;
  /** RFC 9865: present (possibly empty) asks for cursor pagination. */
  readonly cursor?: string | undefined;
  readonly attributes?: string | undefined;
  readonly excludedAttributes?: string | undefined;
}

export interface PageLimits {
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
}

export interface SortOrder {
  readonly path: ResolvedPath;
  readonly descending: boolean;
}

export type Pagination =
  | { readonly kind: 'index'; readonly startIndex: number; readonly count: number }
  | { readonly kind: 'cursor'; readonly cursor: string; readonly count: number };

export interface ListRequest {
  readonly filter: ResolvedFilter | undefined;
  readonly sort: SortOrder | undefined;
  readonly pagination: Pagination;
  readonly projection: Projection;
}

/** Validates list parameters against the resource type; every failure is a typed SCIM error. */
export function parseListRequest(
  type: ResourceTypeDefinition,
  parameters: ListParameters,
  limits: PageLimits,
  filterOptions: FilterOptions = {},
  inputLimits: InputLimits = defaultInputLimits,
): ListRequest {
  return {
    filter:
      parameters.filter === undefined
        ? undefined
        : compileFilter(type, parameters.filter, filterOptions, inputLimits),
    sort: parseSort(type, parameters.sortBy, parameters.sortOrder),
    pagination: parsePagination(parameters, limits),
    projection: parseProjection(
      type,
      parameters.attributes,
      parameters.excludedAttributes,
      inputLimits.maxAttributeNames,
    ),
  };
}

/**
 * Parses, resolves and bounds a filter. The bounds are checked before any database work: on SQLite a
 * query blocks the event loop, so an over-budget filter is refused rather than run (issue 14).
 */
export function compileFilter(
  type: ResourceTypeDefinition,
  text: string,
  options: FilterOptions = {},
  limits: InputLimits = defaultInputLimits,
): ResolvedFilter {
  if (text.length > limits.maxFilterLength) {
    throw new InvalidFilterError(
      `The filter is ${text.length} characters long; at most ${limits.maxFilterLength} are accepted (ROSTER_FILTER_MAX_LENGTH).`,
    );
  }
  const parsed = parseFilter(text, options);
  if (!parsed.ok) {
    throw new InvalidFilterError(
      `Invalid filter at position ${parsed.error.position}: ${parsed.error.reason}.`,
    );
  }
  const resolved = resolveFilter(type, parsed.value);
  if (!resolved.ok) {
    const where = resolved.error.position === undefined ? '' : ` at position ${resolved.error.position}`;
    throw new InvalidFilterError(`Invalid filter${where}: ${resolved.error.reason}.`);
  }
  const cost = filterCost(resolved.value);
  const depth = cost.depth;
  if (depth > limits.maxFilterDepth) {
    throw new InvalidFilterError(
      `The filter is too complex: it nests ${depth} levels deep; at most ${limits.maxFilterDepth} are accepted (ROSTER_FILTER_MAX_DEPTH).`,
    );
  }
  if (cost.joins > MAX_FILTER_JOINS) {
    throw new InvalidFilterError(
      `The filter is too complex: it has ${cost.joins} comparisons on emails, members or groups; at most ${MAX_FILTER_JOINS} are accepted.`,
    );
  }
  // What scanning costs depends on the directory's size, which the use case asks the store for
  // (directory/scim/check-filter-budget.ts); index lookups alone are bounded here.
  checkFilterCost({ ...cost, scans: false }, { resources: 0, users: 0 }, limits.maxFilterCost);
  return resolved.value;
}

/** RFC 7644 §3.4.2.3. A multi-valued attribute sorts by its primary value. */
function parseSort(
  type: ResourceTypeDefinition,
  sortBy: string | undefined,
  sortOrder: string | undefined,
): SortOrder | undefined {
  const order = sortOrder?.trim().toLowerCase();
  if (order !== undefined && order !== '' && order !== 'ascending' && order !== 'descending') {
    throw new InvalidValueError(
      `sortOrder must be "ascending" or "descending"; got ${JSON.stringify(sortOrder)}.`,
    );
  }
  if (sortBy === undefined || sortBy.trim() === '') return undefined;
  const parsed = parseAttributePath(sortBy.trim());
  if (!parsed.ok) throw new InvalidValueError(`sortBy is not an attribute path: ${parsed.error.reason}.`);
  const resolved = resolvePath(type, parsed.value);
  if (!resolved.ok) throw new InvalidValueError(`sortBy names an ${resolved.error}.`);
  const path = resolved.value;
  const target = path.subAttribute ?? path.attribute;
  if (target.type === 'complex' && !(path.attribute.multiValued && path.subAttribute === undefined)) {
    throw new InvalidValueError(`sortBy must name a simple attribute; "${sortBy}" is complex.`);
  }
  // RFC 7644 §3.4.2.3 sorts a multi-valued attribute by its primary value; members and groups have no
  // "primary" sub-attribute, so there is no value to sort by (PostgreSQL answered 500 here).
  if (path.attribute.multiValued && !path.attribute.subAttributes?.some((sub) => sub.name === 'primary')) {
    throw new InvalidValueError(
      `sortBy cannot use "${sortBy}": "${path.attribute.name}" has no primary value to sort by (RFC 7644 §3.4.2.3).`,
    );
  }
  if (path.attribute.returned === 'never' || path.subAttribute?.returned === 'never') {
    throw new InvalidValueError(`sortBy cannot use "${sortBy}".`);
  }
  return { path, descending: order === 'descending' };
}

function parsePagination(parameters: ListParameters, limits: PageLimits): Pagination {
  if (parameters.cursor !== undefined) {
    // RFC 9865 §2: a cursor page holds between 1 and maxPageSize results.
    const count = parameters.count ?? limits.defaultPageSize;
    if (!Number.isInteger(count) || count < 1 || count > limits.maxPageSize) {
      throw new InvalidCountError(
        `count must be between 1 and ${limits.maxPageSize} with cursor pagination.`,
      );
    }
    if (parameters.startIndex !== undefined) {
      throw new InvalidValueError('Use either cursor or startIndex, not both.');
    }
    return { kind: 'cursor', cursor: parameters.cursor, count };
  }
  // RFC 7644 §3.4.2.4: startIndex below 1 is 1; a negative count is 0; above the maximum it is clamped.
  const startIndex = Math.max(1, Math.trunc(parameters.startIndex ?? 1));
  const count = Math.min(
    limits.maxPageSize,
    Math.max(0, Math.trunc(parameters.count ?? limits.defaultPageSize)),
  );
  return { kind: 'index', startIndex, count };
}
