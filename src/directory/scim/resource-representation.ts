import type { JsonObject } from '../../core/resource/json.js';
import { projectResource } from '../../core/resource/project-resource.js';
import { defaultProjection, type Projection } from '../../core/resource/projection.js';
import { weakETag, type MemberReference } from '../../core/resource/scim-resource.js';
import type { ResourceTypeDefinition } from '../../core/schema/resource-types.js';
import type { StoredResource } from '../model/scim-resource.js';

export interface Related {
  /** Group members, when read. */
  readonly members?: readonly MemberReference[];
  /** A user's groups (RFC 7643 §4.1.2, read-only, derived from membership). */
  readonly groups?: readonly { id: string; displayName: string }[];
}

/** The wire form of a stored resource: schemas, id, attributes, related rows and meta (RFC 7643 §3.1). */
export function resourceRepresentation(
  baseUrl: string,
  type: ResourceTypeDefinition,
  stored: StoredResource,
  related: Related,
  projection: Projection = defaultProjection,
): JsonObject {
  const schemas = [
    type.schema.id,
    ...type.extensions.filter((e) => stored.attributes[e.schema.id] !== undefined).map((e) => e.schema.id),
  ];
  const location = `${baseUrl}${type.endpoint}/${stored.id}`;
  const wire: JsonObject = { schemas, id: stored.id, ...stored.attributes };
  if (related.members) {
    wire.members = related.members.map((m) => ({
      value: m.value,
      $ref: `${baseUrl}/${m.type === 'User' ? 'Users' : 'Groups'}/${m.value}`,
      type: m.type,
      ...(m.display === undefined ? {} : { display: m.display }),
    }));
  }
  if (related.groups && related.groups.length > 0) {
    wire.groups = related.groups.map((g) => ({
      value: g.id,
      $ref: `${baseUrl}/Groups/${g.id}`,
      display: g.displayName,
      type: 'direct',
    }));
  }
  wire.meta = {
    resourceType: stored.resourceType,
    created: stored.created,
    lastModified: stored.lastModified,
    location,
    version: weakETag(stored.version),
  };
  return projectResource(type, wire, projection);
}
