import type { ResourceTypeName } from '../schema/resource-types.js';

/** RFC 7643 §3.1 `meta`, as Roster tracks it. `version` is the weak ETag. */
export interface ResourceMeta {
  readonly resourceType: ResourceTypeName;
  readonly created: string;
  readonly lastModified: string;
  readonly location: string;
  readonly version: string;
}

/** A group member as it appears on the wire (RFC 7643 §4.2). */
export interface MemberReference {
  readonly value: string;
  readonly type: ResourceTypeName;
  readonly display: string | undefined;
}

/** RFC 7232 weak validator: changes on every write, comparable without reading the body. */
export function weakETag(version: number): string {
  return `W/"${version}"`;
}
