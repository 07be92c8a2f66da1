import { NotFoundError } from '../../core/errors.js';
import type { EntityTagCondition } from '../../core/protocol/entity-tag.js';
import type { ResourceTypeName } from '../../core/schema/resource-types.js';
import { retireUserIdentity, syncUsers } from '../provisioning/sync-user-identity.js';
import { changedMeanwhile, versionRequiredBy } from './check-precondition.js';
import { findOrThrow } from './get-resource.js';
import type { ScimContext } from './scim-context.js';

/**
 * RFC 7644 §3.6: afterwards the resource is 404. A user's identity follows the integration's policy:
 * "deactivate" keeps the SCIM user hidden and the identity as deleted-with-history (a later POST
 * restores both); "delete" removes both. A group's members lose its attributes and directory groups.
 */
export async function deleteResource(
  context: ScimContext,
  typeName: ResourceTypeName,
  id: string,
  ifMatch?: EntityTagCondition,
): Promise<void> {
  await context.store.transaction(async (store) => {
    const scoped = { ...context, store };
    const repository = store.scimResources;
    const current = await findOrThrow(scoped, typeName, id);
    const expectedVersion = versionRequiredBy(ifMatch, current);
    const now = context.clock.now().toISOString();
    if (typeName === 'User') {
      const policy = context.integrationSettings.onDelete;
      const done =
        policy === 'deactivate'
          ? (await repository.softDelete(context.scope, 'User', id, now, expectedVersion)) !== undefined
          : await repository.delete(context.scope, 'User', id, expectedVersion);
      if (!done) throw expectedVersion === undefined ? notFound(typeName, id) : changedMeanwhile();
      await retireUserIdentity(scoped, id, policy);
      return;
    }
    const members = await repository.membersOf(context.scope, id);
    if (!(await repository.delete(context.scope, typeName, id, expectedVersion))) {
      throw expectedVersion === undefined ? notFound(typeName, id) : changedMeanwhile();
    }
    await syncUsers(
      scoped,
      members.filter((m) => m.type === 'User').map((m) => m.value),
    );
  });
}

function notFound(typeName: ResourceTypeName, id: string): NotFoundError {
  return new NotFoundError(`${typeName} ${JSON.stringify(id)} not found.`);
}
