import { coerceResource } from '../../core/resource/coerce-resource.js';
import type { JsonObject } from '../../core/resource/json.js';
import { defaultProjection, type Projection } from '../../core/resource/projection.js';
import { resourceTypeNamed, type ResourceTypeName } from '../../core/schema/resource-types.js';
import type { StoredResource } from '../ports.js';
import { extractMembers } from './group-members.js';
import { findDeactivatedUser } from './find-deactivated-user.js';
import { readResource } from './get-resource.js';
import type { ScimContext } from './scim-context.js';

/**
 * RFC 7644 §3.3: validates, stores the resource and its membership in one transaction. A POST for a
 * deactivated user of this integration (same externalId or userName) restores that user instead.
 */
export async function createResource(
  context: ScimContext,
  typeName: ResourceTypeName,
  body: unknown,
  projection: Projection = defaultProjection,
): Promise<{ resource: JsonObject; stored: StoredResource }> {
  const type = resourceTypeNamed(typeName);
  const coerced = coerceResource(type, body);
  const id = context.ids.newId();
  const now = context.clock.now().toISOString();
  return context.store.transaction(async (store) => {
    const scoped = { ...context, store };
    if (typeName === 'User') {
      const deactivated = await findDeactivatedUser(scoped, coerced);
      if (deactivated) {
        const restored = await store.scimResources.replace(
          context.scope,
          'User',
          deactivated.id,
          coerced,
          now,
          undefined,
        );
        if (restored) return { resource: await readResource(scoped, restored, projection), stored: restored };
      }
    }
    const { attributes, members } =
      typeName === 'Group'
        ? await extractMembers(scoped, id, coerced)
        : { attributes: coerced, members: undefined };
    const stored: StoredResource = {
      id,
      resourceType: typeName,
      attributes,
      version: 1,
      created: now,
      lastModified: now,
    };
    await store.scimResources.insert(context.scope, stored, members ?? []);
    return { resource: await readResource(scoped, stored, projection), stored };
  });
}
