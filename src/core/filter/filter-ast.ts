import type { AttributePath, ResolvedPath } from '../path/attribute-path.js';

/** RFC 7644 §3.4.2.2 comparison operators. */
export type ComparisonOperator = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';

/** A filter literal: string (dateTime values arrive as strings), number, boolean or null. */
export type FilterValue = string | number | boolean | null;

/**
 * The filter tree as parsed, generic over the path type: `Filter` holds paths as written, and
 * `ResolvedFilter` holds paths bound to the schema (what the SQL compiler and the evaluator consume).
 * Inside a `valuePath`, the inner filter's paths are relative to the multi-valued attribute; once
 * resolved, they carry that attribute with the sub-attribute filled in.
 */
export type FilterNode<P> =
  | {
      readonly kind: 'compare';
      readonly path: P;
      readonly op: ComparisonOperator;
      readonly value: FilterValue;
    }
  | { readonly kind: 'present'; readonly path: P }
  | { readonly kind: 'and'; readonly left: FilterNode<P>; readonly right: FilterNode<P> }
  | { readonly kind: 'or'; readonly left: FilterNode<P>; readonly right: FilterNode<P> }
  | { readonly kind: 'not'; readonly filter: FilterNode<P> }
  | { readonly kind: 'valuePath'; readonly path: P; readonly filter: FilterNode<P> };

export type Filter = FilterNode<AttributePath>;
export type ResolvedFilter = FilterNode<ResolvedPath>;
