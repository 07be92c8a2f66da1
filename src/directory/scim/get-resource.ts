import { NotFoundError } from '../../core/errors.js';
import { entityTagMatches, type EntityTagCondition } from '../../core/protocol/entity-tag.js';
import type { JsonObject } from '../../core/resource/json.js';
import { defaultProjection, projectionWants, type Projection } from '../../core/resource/projection.js';
import type { ResourceTypeName } from '../../core/schema/resource-types.js';
import type { StoredResource } from '../model/scim-resource.js';
import { resourceRepresentation, type Related } from './resource-representation.js';
import { resourceTypeOf, type ScimContext } from './scim-context.js';

/**
 * The resource as the response shows it, or with `ifNoneMatch` naming its current version no
 * representation at all (RFC 7232 §3.2: the answer is a 304): a group's members are then never read.
 */
export async function getResource(
  context: ScimContext,
  typeName: ResourceTypeName,
  id: string,
  projection: Projection = defaultProjection,
  ifNoneMatch?: EntityTagCondition,
): Promise<{ resource: JsonObject | undefined; stored: StoredResource }> {
  if (typeName === 'User') {
    const wantsGroups = projectionWants(projection, resourceTypeOf(context, 'User').schema.id, 'groups');
    // Read with the credential (user-read-ahead.ts), else the user and its groups in one statement: a
    // round trip less on PostgreSQL either way.
    const readAhead = context.userReadAhead?.take({ id });
    if (readAhead || wantsGroups) {
      const found = readAhead
        ? readAhead.user
        : await context.store.scimResources.findUserWithGroups(context.scope, id);
      if (!found) throw notFound(typeName, id);
      const { user, groups } = found;
      if (isCurrent(ifNoneMatch, user)) return { resource: undefined, stored: user };
      // Everything the representation shows is in hand: built here, without another await (issue 15).
      const type = resourceTypeOf(context, 'User');
      return {
        resource: resourceRepresentation(
          context.baseUrl,
          type,
          user,
          wantsGroups ? { groups } : {},
          projection,
        ),
        stored: user,
      };
    }
  }
  const stored = await findOrThrow(context, typeName, id);
  if (isCurrent(ifNoneMatch, stored)) return { resource: undefined, stored };
  return { resource: await representResource(context, stored, projection), stored };
}

function isCurrent(ifNoneMatch: EntityTagCondition | undefined, stored: StoredResource): boolean {
  return ifNoneMatch !== undefined && entityTagMatches(ifNoneMatch, stored.version);
}

export async function findOrThrow(
  context: ScimContext,
  typeName: ResourceTypeName,
  id: string,
): Promise<StoredResource> {
  const stored = await context.store.scimResources.findById(context.scope, typeName, id);
  if (!stored) throw notFound(typeName, id);
  return stored;
}

function notFound(typeName: ResourceTypeName, id: string): NotFoundError {
  return new NotFoundError(`${typeName} ${JSON.stringify(id)} not found.`);
}

/**
 * Builds the wire form, reading the related rows (members of a group, groups of a user) only when the
 * response will show them and the caller does not know them already: `excludedAttributes=members`
 * never touches the membership table.
 */
export async function representResource(
  context: ScimContext,
  stored: StoredResource,
  projection: Projection = defaultProjection,
  known: Related = {},
): Promise<JsonObject> {
  const repository = context.store.scimResources;
  const type = resourceTypeOf(context, stored.resourceType);
  const schema = type.schema.id;
  if (stored.resourceType === 'Group') {
    const members = projectionWants(projection, schema, 'members')
      ? (known.members ?? (await repository.membersOf(context.scope, stored.id)))
      : undefined;
    return resourceRepresentation(context.baseUrl, type, stored, members ? { members } : {}, projection);
  }
  const groups = projectionWants(projection, schema, 'groups')
    ? (known.groups ?? (await repository.groupsOf(context.scope, stored.id)))
    : undefined;
  return resourceRepresentation(context.baseUrl, type, stored, groups ? { groups } : {}, projection);
}
