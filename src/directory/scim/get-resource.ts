import { NotFoundError } from '../../core/errors.js';
import type { JsonObject } from '../../core/resource/json.js';
import type { ResourceTypeName } from '../../core/schema/resource-types.js';
import type { StoredResource } from '../ports.js';
import { resourceRepresentation } from './resource-representation.js';
import type { ScimContext } from './scim-context.js';

export async function getResource(
  context: ScimContext,
  typeName: ResourceTypeName,
  id: string,
): Promise<{ resource: JsonObject; stored: StoredResource }> {
  const stored = await findOrThrow(context, typeName, id);
  return { resource: await readResource(context, stored), stored };
}

export async function findOrThrow(
  context: ScimContext,
  typeName: ResourceTypeName,
  id: string,
): Promise<StoredResource> {
  const stored = await context.store.scimResources.findById(context.scope, typeName, id);
  if (!stored) throw new NotFoundError(`${typeName} ${JSON.stringify(id)} not found.`);
  return stored;
}

/** Reads the related rows (members of a group, groups of a user) and builds the wire form. */
export async function readResource(context: ScimContext, stored: StoredResource): Promise<JsonObject> {
  const repository = context.store.scimResources;
  if (stored.resourceType === 'Group') {
    return resourceRepresentation(context.baseUrl, stored, {
      members: await repository.membersOf(context.scope, stored.id),
    });
  }
  return resourceRepresentation(context.baseUrl, stored, {
    groups: await repository.groupsOf(context.scope, stored.id),
  });
}
