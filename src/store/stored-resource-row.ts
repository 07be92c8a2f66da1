import type { ResourceTypeName } from '../core/schema/resource-types.js';
import type { StoredResource, UserWithGroups } from '../directory/model/scim-resource.js';
import type { StoreDialect } from './dialect.js';

/**
 * The uniqueness and lookup key of a userName (Users) or displayName (Groups): case-folded, since both
 * compare case-insensitively (RFC 7643 §4.1.1 userName, caseExact false).
 */
export function nameKeyOf(name: string): string {
  return name.toLowerCase();
}

/** The columns of a scim_resources row that a StoredResource is made of. */
export interface StoredResourceColumns {
  readonly id: string;
  readonly resource_type: string;
  readonly data: unknown;
  readonly version: number | string;
  readonly created_at: string;
  readonly last_modified: string;
}

export function toStored(row: StoredResourceColumns, dialect: StoreDialect): StoredResource {
  return {
    id: row.id,
    resourceType: row.resource_type as ResourceTypeName,
    attributes: dialect.parseJson(row.data),
    version: Number(row.version),
    created: row.created_at,
    lastModified: row.last_modified,
  };
}

/** A row of a user left-joined to its memberships: one row per group, one row with nulls for none. */
export interface UserGroupColumns {
  readonly group_id: string | null;
  readonly group_display: unknown;
}

/** A user and its groups from the rows of one user left-joined to its memberships, ordered by group. */
export function userWithGroupsOf(user: StoredResource, rows: readonly UserGroupColumns[]): UserWithGroups {
  return {
    user,
    groups: rows.flatMap((row) =>
      row.group_id === null ? [] : [{ id: row.group_id, displayName: String(row.group_display ?? '') }],
    ),
  };
}
