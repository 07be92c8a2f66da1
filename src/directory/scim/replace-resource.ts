import { NotFoundError } from '../../core/errors.js';
import { checkImmutable } from '../../core/resource/check-immutable.js';
import { coerceResource } from '../../core/resource/coerce-resource.js';
import type { JsonObject } from '../../core/resource/json.js';
import { defaultProjection, type Projection } from '../../core/resource/projection.js';
import { resourceTypeNamed, type ResourceTypeName } from '../../core/schema/resource-types.js';
import type { StoredResource } from '../ports.js';
import { findOrThrow, readResource } from './get-resource.js';
import { changedMeanwhile, versionRequiredBy } from './check-precondition.js';
import type { EntityTagCondition } from '../../core/protocol/entity-tag.js';
import { extractMembers } from './group-members.js';
import type { ScimContext } from './scim-context.js';

/**
 * RFC 7644 §3.5.1: PUT replaces every writable attribute. readOnly values in the body are ignored,
 * immutable values may be repeated but not changed, and attributes left out are cleared. A group's
 * membership is replaced only when the body carries `members` (Okta sends profile-only PUTs).
 */
export async function replaceResource(
  context: ScimContext,
  typeName: ResourceTypeName,
  id: string,
  body: unknown,
  projection: Projection = defaultProjection,
  ifMatch?: EntityTagCondition,
): Promise<{ resource: JsonObject; stored: StoredResource }> {
  const type = resourceTypeNamed(typeName);
  const coerced = coerceResource(type, body);
  return context.store.transaction(async (store) => {
    const scoped = { ...context, store };
    const existing = await findOrThrow(scoped, typeName, id);
    const expectedVersion = versionRequiredBy(ifMatch, existing);
    checkImmutable(type, existing.attributes, coerced);
    const { attributes, members } =
      typeName === 'Group'
        ? await extractMembers(scoped, id, coerced)
        : { attributes: coerced, members: undefined };
    const now = context.clock.now().toISOString();
    const stored = await store.scimResources.replace(
      context.scope,
      typeName,
      id,
      attributes,
      now,
      members,
      expectedVersion,
    );
    if (!stored) {
      if (expectedVersion !== undefined) throw changedMeanwhile();
      throw new NotFoundError(`${typeName} ${JSON.stringify(id)} not found.`);
    }
    return { resource: await readResource(scoped, stored, projection), stored };
  });
}
