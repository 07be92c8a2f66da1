import { NotFoundError } from '../../core/errors.js';
import type { ResourceTypeName } from '../../core/schema/resource-types.js';
import type { ScimContext } from './scim-context.js';

/** RFC 7644 §3.6: the resource and its membership rows go; a later GET is 404. */
export async function deleteResource(
  context: ScimContext,
  typeName: ResourceTypeName,
  id: string,
): Promise<void> {
  const deleted = await context.store.scimResources.delete(context.scope, typeName, id);
  if (!deleted) throw new NotFoundError(`${typeName} ${JSON.stringify(id)} not found.`);
}
