/**
 * Bounds on what one SCIM request may ask for, checked in the core before any database work (issue 14:
 * on SQLite a query runs on the event loop, so an unbounded input stalls every other request). The
 * defaults fit every identity provider's traffic with a wide margin; each is configurable
 * (`ROSTER_*`, see docs/configuration in README.md) and the ones SCIM has a place for are advertised in
 * /ServiceProviderConfig.
 */
export interface InputLimits {
  /**
   * Longest string attribute value, in UTF-8 bytes. PostgreSQL refuses a btree index row over 2704 bytes
   * (userName, externalId, displayName and emails are indexed), and a bounded value bounds every scan.
   */
  readonly maxValueBytes: number;
  /** Longest `filter` text, in characters. */
  readonly maxFilterLength: number;
  /** Deepest nesting of `and`/`or`/`not`/parentheses/value paths in a filter. */
  readonly maxFilterDepth: number;
  /** Highest cost of a filter (core/filter/filter-cost.ts: by operator and path, not only by count). */
  readonly maxFilterCost: number;
  /** Most operations in one PATCH request. */
  readonly maxPatchOperations: number;
  /** Most names in `attributes` or `excludedAttributes`. */
  readonly maxAttributeNames: number;
}

export const defaultInputLimits: InputLimits = Object.freeze({
  maxValueBytes: 2048,
  maxFilterLength: 10_000,
  maxFilterDepth: 16,
  // About 40 ms of SQLite work on a shared 2-core machine (core/filter/filter-cost.ts).
  maxFilterCost: 100_000,
  maxPatchOperations: 1000,
  maxAttributeNames: 100,
});

/** The highest maxValueBytes that still fits a PostgreSQL btree index row with its other columns. */
export const MAX_INDEXABLE_VALUE_BYTES = 2600;
