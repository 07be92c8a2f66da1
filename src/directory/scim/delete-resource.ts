import { NotFoundError } from '../../core/errors.js';
import type { EntityTagCondition } from '../../core/protocol/entity-tag.js';
import type { ResourceTypeName } from '../../core/schema/resource-types.js';
import { changedMeanwhile, versionRequiredBy } from './check-precondition.js';
import { findOrThrow } from './get-resource.js';
import type { ScimContext } from './scim-context.js';

/** RFC 7644 §3.6: the resource and its membership rows go; a later GET is 404. */
export async function deleteResource(
  context: ScimContext,
  typeName: ResourceTypeName,
  id: string,
  ifMatch?: EntityTagCondition,
): Promise<void> {
  const repository = context.store.scimResources;
  if (ifMatch === undefined) {
    if (!(await repository.delete(context.scope, typeName, id))) {
      throw new NotFoundError(`${typeName} ${JSON.stringify(id)} not found.`);
    }
    return;
  }
  const expectedVersion = versionRequiredBy(ifMatch, await findOrThrow(context, typeName, id));
  if (!(await repository.delete(context.scope, typeName, id, expectedVersion))) throw changedMeanwhile();
}
