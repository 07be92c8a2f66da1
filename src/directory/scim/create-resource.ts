import { UniquenessError } from '../../core/errors.js';
import { coerceResource } from '../../core/resource/coerce-resource.js';
import type { JsonObject } from '../../core/resource/json.js';
import { defaultProjection, type Projection } from '../../core/resource/projection.js';
import type { ResourceTypeName } from '../../core/schema/resource-types.js';
import { syncIdentities, syncUsersById } from '../identity-sync/sync-identities.js';
import type { StoredResource } from '../model/scim-resource.js';
import { createRequestHash } from './create-request-hash.js';
import { extractMembers } from './group-members.js';
import { afterGroupTreeChange, beforeGroupTreeChange } from '../nested-groups/group-tree-change.js';
import { representResource } from './get-resource.js';
import { refuseUnacceptedSchemas } from '../../core/resource/unaccepted-extensions.js';
import { checkExtensionUniqueness } from './check-extension-uniqueness.js';
import { resourceTypeOf, type ScimContext } from './scim-context.js';

export interface CreatedResource {
  readonly resource: JsonObject;
  readonly stored: StoredResource;
  /** True when the request repeated an earlier create and is answered with what that one made. */
  readonly replayed: boolean;
}

/**
 * RFC 7644 §3.3: validates, then stores the resource, its membership and the identities it affects in
 * one transaction. A new resource always gets a new id (RFC 7643 §3.1: ids are never reassigned).
 * A userName (or group displayName) already in use is 409 `uniqueness`, deactivated users included,
 * with one exception in lenient mode: the identical request repeated within the retry window (Entra ID
 * re-sends a create that timed out) is answered with the resource the first one created.
 */
export async function createResource(
  context: ScimContext,
  typeName: ResourceTypeName,
  body: unknown,
  projection: Projection = defaultProjection,
): Promise<CreatedResource> {
  const type = resourceTypeOf(context, typeName);
  if (context.integrationSettings.compatibility === 'strict') refuseUnacceptedSchemas(type, body);
  const coerced = coerceResource(type, body);
  const hash = createRequestHash(typeName, coerced);
  const id = context.ids.newId();
  const now = context.clock.now();
  return context.store.transaction(async (store) => {
    const inTransaction = { ...context, store };
    const { attributes, members } =
      typeName === 'Group'
        ? await extractMembers(inTransaction, id, coerced)
        : { attributes: coerced, members: undefined };
    const stored: StoredResource = {
      id,
      resourceType: typeName,
      attributes,
      version: 1,
      created: now.toISOString(),
      lastModified: now.toISOString(),
    };
    await checkExtensionUniqueness(store, context.scope, type, id, attributes, undefined);
    if (!(await store.scimResources.insert(context.scope, stored, members ?? [], hash))) {
      const replayed = await sameCreateRepeated(inTransaction, typeName, coerced, hash, now);
      if (!replayed) throw taken(typeName, coerced);
      return {
        resource: await representResource(inTransaction, replayed, projection),
        stored: replayed,
        replayed: true,
      };
    }
    if (typeName === 'User') await syncIdentities(inTransaction, [{ user: stored, isNew: true }]);
    else {
      // Nested groups: a new group's group members put it above them in the closure (docs/groups.md).
      const tree = await beforeGroupTreeChange(store, context.scope, {
        groupId: id,
        addedGroupIds: (members ?? []).filter((m) => m.type === 'Group').map((m) => m.id),
      });
      const below = await afterGroupTreeChange(store, context.scope, context.integrationSettings, tree);
      await syncUsersById(inTransaction, [
        ...(members ?? []).filter((m) => m.type === 'User').map((m) => m.id),
        ...below,
      ]);
    }
    // A user created just now is in no group yet: nothing to read for `groups`.
    const known = typeName === 'User' ? { groups: [] } : {};
    return {
      resource: await representResource(inTransaction, stored, projection, known),
      stored,
      replayed: false,
    };
  });
}

/** The resource an identical, recent create made, if the taken name is that one's. */
async function sameCreateRepeated(
  context: ScimContext,
  typeName: ResourceTypeName,
  attributes: JsonObject,
  hash: string,
  now: Date,
): Promise<StoredResource | undefined> {
  const name = nameOf(typeName, attributes);
  if (name === undefined) return undefined;
  const holder = await context.store.scimResources.findByName(context.scope, typeName, name);
  // Strict integrations answer every duplicate as RFC 7644 §3.3 says: 409.
  if (context.integrationSettings.compatibility === 'strict') return undefined;
  if (!holder || holder.createHash !== hash) return undefined;
  const age = now.getTime() - Date.parse(holder.resource.created);
  return age <= context.settings.createRetryWindowSeconds * 1000 ? holder.resource : undefined;
}

function nameOf(typeName: ResourceTypeName, attributes: JsonObject): string | undefined {
  const value = typeName === 'User' ? attributes.userName : attributes.displayName;
  return typeof value === 'string' ? value : undefined;
}

function taken(typeName: ResourceTypeName, attributes: JsonObject): UniquenessError {
  return new UniquenessError(
    typeName === 'User'
      ? `userName ${JSON.stringify(attributes.userName)} is already in use in this integration (compared case-insensitively, deactivated users included).`
      : `Group displayName ${JSON.stringify(attributes.displayName)} is already in use in this integration.`,
  );
}
