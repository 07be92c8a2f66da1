import type { JsonObject } from '../../core/resource/json.js';
import {
  isDefaultProjection,
  keptWholeByDefault,
  projectResource,
} from '../../core/resource/project-resource.js';
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
  const wire: JsonObject = {
    ...leadOf(type, stored),
    ...stored.attributes,
    ...relatedAndMetaOf(baseUrl, type, stored, related),
  };
  return projectResource(type, wire, projection);
}

/** What the wire form puts around the attributes; an attribute of the same name would collide with it. */
const placedAround = new Set(['schemas', 'id', 'members', 'groups', 'meta']);

/**
 * `resourceRepresentation(...)` as JSON text, given the JSON text the attributes were parsed from.
 * When the projection keeps every attribute whole, that text is spliced between the lead and the
 * related rows and meta instead of being copied and serialised again: on a list page that was about a
 * third of the server's work (issue 15). The same JSON value either way; the text may be spaced as the
 * database holds it, and an extension's members ordered as it does (keptWholeByDefault).
 */
export function resourceRepresentationText(
  baseUrl: string,
  type: ResourceTypeDefinition,
  stored: StoredResource,
  attributesText: string | undefined,
  related: Related,
  projection: Projection = defaultProjection,
): string {
  if (
    attributesText === undefined ||
    !isDefaultProjection(projection) ||
    Object.keys(stored.attributes).some((name) => placedAround.has(name)) ||
    !keptWholeByDefault(type, stored.attributes)
  ) {
    return JSON.stringify(resourceRepresentation(baseUrl, type, stored, related, projection));
  }
  // Projecting the parts apart gives the whole's projection: it decides attribute by attribute.
  const lead = JSON.stringify(projectResource(type, leadOf(type, stored)));
  const rest = JSON.stringify(projectResource(type, relatedAndMetaOf(baseUrl, type, stored, related)));
  const attributes = attributesText.trim();
  return `{${[lead.slice(1, -1), attributes.slice(1, -1).trim(), rest.slice(1, -1)].filter((part) => part !== '').join(',')}}`;
}

function leadOf(type: ResourceTypeDefinition, stored: StoredResource): JsonObject {
  const schemas = [
    type.schema.id,
    ...type.extensions.filter((e) => stored.attributes[e.schema.id] !== undefined).map((e) => e.schema.id),
  ];
  return { schemas, id: stored.id };
}

function relatedAndMetaOf(
  baseUrl: string,
  type: ResourceTypeDefinition,
  stored: StoredResource,
  related: Related,
): JsonObject {
  const out: JsonObject = {};
  if (related.members) {
    out.members = related.members.map((m) => ({
      value: m.value,
      $ref: `${baseUrl}/${m.type === 'User' ? 'Users' : 'Groups'}/${m.value}`,
      type: m.type,
      ...(m.display === undefined ? {} : { display: m.display }),
    }));
  }
  if (related.groups && related.groups.length > 0) {
    out.groups = related.groups.map((g) => ({
      value: g.id,
      $ref: `${baseUrl}/Groups/${g.id}`,
      display: g.displayName,
      type: 'direct',
    }));
  }
  out.meta = {
    resourceType: stored.resourceType,
    created: stored.created,
    lastModified: stored.lastModified,
    location: `${baseUrl}${type.endpoint}/${stored.id}`,
    version: weakETag(stored.version),
  };
  return out;
}
