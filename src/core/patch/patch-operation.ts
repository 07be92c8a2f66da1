import type { ResolvedFilter } from '../filter/filter-ast.js';
import type { ResolvedPath } from '../path/attribute-path.js';
import type { JsonObject } from '../resource/json.js';
import type { AttributeDefinition } from '../schema/attribute-definition.js';

/** RFC 7644 §3.5.2: the three operations, lower-cased (Entra ID sends `Add`, `Replace`, `Remove`). */
export type PatchOpName = 'add' | 'replace' | 'remove';

/** `userName`, `name.givenName`, `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager`. */
export interface AttributeTarget {
  readonly kind: 'attribute';
  /** The path as the client wrote it, for error messages. */
  readonly text: string;
  readonly path: ResolvedPath;
}

/** RFC 7644 §3.5.2 `valuePath [subAttr]`: `emails[type eq "work"]` or `emails[type eq "work"].value`. */
export interface FilteredTarget {
  readonly kind: 'filtered';
  readonly text: string;
  /** The multi-valued complex attribute; `subAttribute` is always undefined here. */
  readonly path: ResolvedPath;
  /** The bracket's filter. Its paths are `<attribute>.<sub>`, evaluated against one element at a time. */
  readonly filter: ResolvedFilter;
  /** The sub-attribute after `].`, when there is one. */
  readonly subAttribute: AttributeDefinition | undefined;
}

export type PatchTarget = AttributeTarget | FilteredTarget;

export interface PatchOperation {
  readonly op: PatchOpName;
  /** Undefined means the resource itself: a path-less add or replace (RFC 7644 §3.5.2.1, §3.5.2.3). */
  readonly target: PatchTarget | undefined;
  /** Undefined when the request had no `value`; null when it sent `null`. */
  readonly value: unknown;
}

/**
 * What a PATCH asks of a group's membership, which is stored as rows and never read by the engine.
 * The caller applies it in this fixed order, and the engine folds the operations so the order is right:
 *
 * 1. `replaceAll` defined → the membership becomes exactly these ids; else `removeAll` → it becomes empty;
 * 2. `removeWhere` defined → delete the members (after step 1) for which `matchesMemberFilter` is true;
 * 3. delete the ids in `remove`;
 * 4. insert the ids in `add` (ids already present stay as they are).
 *
 * Invariants: `replaceAll` is never empty (an empty replacement is `removeAll`), never both set; while
 * `replaceAll` or `removeAll` is set `remove` is empty; `add` and `remove` are disjoint; ids are
 * de-duplicated in first-seen order. Ids are not checked for existence: that is the caller's job.
 */
export interface MemberChanges {
  add: string[];
  remove: string[];
  replaceAll: string[] | undefined;
  removeAll: boolean;
  /** A member filter that is not a plain list of ids, e.g. `members[type eq "Group"]`. */
  removeWhere?: ResolvedFilter;
}

export interface PatchResult {
  readonly resource: JsonObject;
  readonly memberChanges: MemberChanges;
}
