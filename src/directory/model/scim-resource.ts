import type { ResolvedFilter } from '../../core/filter/filter-ast.js';
import type { SortOrder } from '../../core/protocol/list-request.js';
import type { JsonObject } from '../../core/resource/json.js';
import type { ResourceTypeName } from '../../core/schema/resource-types.js';

/** A SCIM resource as stored: validated attributes (no id, meta, members or groups) plus bookkeeping. */
export interface StoredResource {
  readonly id: string;
  readonly resourceType: ResourceTypeName;
  readonly attributes: JsonObject;
  readonly version: number;
  readonly created: string;
  readonly lastModified: string;
}

/** A user with the groups it is a member of (as groupsOf gives them). */
export interface UserWithGroups {
  readonly user: StoredResource;
  readonly groups: readonly { readonly id: string; readonly displayName: string }[];
}

/** How a request names one user: by id, or by userName (compared case-insensitively). */
export type UserKey = { readonly id: string } | { readonly userName: string };

export interface NewMember {
  readonly id: string;
  readonly type: ResourceTypeName;
}

/** A position in a sorted list: the sort key of a row and its id (the tie-breaker). */
export interface SortKey {
  readonly value: string | number | boolean | null;
  readonly id: string;
}

/** Offset pages (RFC 7644 startIndex) or keyset pages (RFC 9865 cursors: cost independent of depth). */
export type PageRequest =
  | { readonly kind: 'offset'; readonly offset: number; readonly limit: number }
  | {
      readonly kind: 'keyset';
      /** Rows strictly after this key in the walk's direction; undefined starts at the beginning. */
      readonly after: SortKey | undefined;
      /** Walk towards the start of the list (for previousCursor). Rows still come back in list order. */
      readonly backward: boolean;
      readonly limit: number;
    };

export interface ListQuery {
  readonly filter: ResolvedFilter | undefined;
  /** The integration's SCIM base URL, from which meta.location and $ref values are derived. */
  readonly baseUrl: string;
  /** Undefined sorts by creation (then id). */
  readonly sort: SortOrder | undefined;
  readonly page: PageRequest;
  /** Counting every match costs a scan of the matches; keyset pages after the first skip it. */
  readonly withTotal: boolean;
}

export interface ListPage {
  readonly totalResults: number | undefined;
  readonly resources: readonly StoredResource[];
  /** The sort key of each resource, in the same order. */
  readonly keys: readonly SortKey[];
  /**
   * The JSON text each resource's attributes were parsed from, in the same order: a page splices it
   * into the response (resource-representation.ts).
   */
  readonly attributesText?: readonly (string | undefined)[];
  /** Keyset pages: whether more rows lie beyond this page in the walk's direction. */
  readonly hasMore: boolean;
}
