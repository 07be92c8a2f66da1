import { coerceResource } from '../../core/resource/coerce-resource.js';
import type { JsonObject } from '../../core/resource/json.js';
import { defaultProjection, type Projection } from '../../core/resource/projection.js';
import { resourceTypeNamed, type ResourceTypeName } from '../../core/schema/resource-types.js';
import type { StoredResource } from '../ports.js';
import { syncUserIdentity, syncUsers } from '../provisioning/sync-user-identity.js';
import { extractMembers } from './group-members.js';
import { readResource } from './get-resource.js';
import type { ScimContext } from './scim-context.js';

/**
 * RFC 7644 §3.3: validates, then stores the resource, its membership and the identities it affects in
 * one transaction. A POST for a deactivated or deleted user of this integration (same externalId, else
 * same userName) restores that user, same id, instead of failing with 409: Okta re-assigns users this
 * way and Entra re-provisions after a soft delete.
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
      const keys = {
        userName: typeof coerced.userName === 'string' ? coerced.userName : undefined,
        externalId: typeof coerced.externalId === 'string' ? coerced.externalId : undefined,
      };
      const restorable =
        (await store.scimResources.findRestorableUser(context.scope, keys)) ??
        (await findRetriedCreate(scoped, keys));
      const restored =
        restorable && (await store.scimResources.restore(context.scope, restorable.id, coerced, now));
      if (restored) {
        await syncUserIdentity(scoped, restored);
        return { resource: await readResource(scoped, restored, projection), stored: restored };
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
    if (typeName === 'User') await syncUserIdentity(scoped, stored);
    else
      await syncUsers(
        scoped,
        (members ?? []).filter((m) => m.type === 'User').map((m) => m.id),
      );
    return { resource: await readResource(scoped, stored, projection), stored };
  });
}

/**
 * Entra re-sends a create whose response timed out. The same userName *and* externalId as an existing
 * active user is that retry, answered with the same user; the same userName alone stays a 409
 * (Okta's duplicate check relies on it).
 */
async function findRetriedCreate(
  context: ScimContext,
  keys: { userName: string | undefined; externalId: string | undefined },
): Promise<StoredResource | undefined> {
  if (keys.userName === undefined || keys.externalId === undefined) return undefined;
  return context.store.scimResources.findUserByKeys(context.scope, {
    userName: keys.userName,
    externalId: keys.externalId,
  });
}
