import { NotFoundError } from '../../core/errors.js';
import type { EntityTagCondition } from '../../core/protocol/entity-tag.js';
import type { ResourceTypeName } from '../../core/schema/resource-types.js';
import { retireIdentity } from '../identity-sync/retire-identity.js';
import { syncUsersById } from '../identity-sync/sync-identities.js';
import { afterGroupTreeChange, beforeGroupTreeChange } from '../nested-groups/group-tree-change.js';
import { changedMeanwhile, versionRequiredBy } from './check-precondition.js';
import { findOrThrow } from './get-resource.js';
import type { ScimContext } from './scim-context.js';

/**
 * RFC 7644 §3.6: the resource is deleted for good; every later request for it is 404, and its id is
 * never given to another resource. A user's identity follows the integration's policy ("deactivate"
 * keeps it as deleted-with-history, "delete" removes it); a group's members lose its attributes and
 * directory groups.
 */
export async function deleteResource(
  context: ScimContext,
  typeName: ResourceTypeName,
  id: string,
  ifMatch?: EntityTagCondition,
): Promise<void> {
  await context.store.transaction(async (store) => {
    const inTransaction = { ...context, store };
    const repository = store.scimResources;
    const current = await findOrThrow(inTransaction, typeName, id);
    const expectedVersion = versionRequiredBy(ifMatch, current);
    const members = typeName === 'Group' ? await repository.membersOf(context.scope, id) : [];
    const tree =
      typeName === 'Group'
        ? await beforeGroupTreeChange(store, context.scope, { groupId: id, deleting: true })
        : undefined;
    if (typeName === 'User') await retireIdentity(inTransaction, id, context.integrationSettings.onDelete);
    if (!(await repository.delete(context.scope, typeName, id, expectedVersion))) {
      throw expectedVersion === undefined ? notFound(typeName, id) : changedMeanwhile();
    }
    if (tree) {
      // Nested groups: the groups above lose what came through this one; its descendants' users lose it.
      const below = await afterGroupTreeChange(store, context.scope, context.integrationSettings, tree);
      await syncUsersById(inTransaction, [
        ...members.filter((m) => m.type === 'User').map((m) => m.value),
        ...below,
      ]);
    }
  });
}

function notFound(typeName: ResourceTypeName, id: string): NotFoundError {
  return new NotFoundError(`${typeName} ${JSON.stringify(id)} not found.`);
}
