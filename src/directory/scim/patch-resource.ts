import { InvalidValueError, NotFoundError } from '../../core/errors.js';
import type { EntityTagCondition } from '../../core/protocol/entity-tag.js';
import { applyPatch } from '../../core/patch/apply-patch.js';
import { matchesMemberFilter } from '../../core/patch/member-changes.js';
import type { MemberChanges } from '../../core/patch/patch-operation.js';
import { parsePatchRequest } from '../../core/patch/parse-patch-request.js';
import type { JsonObject } from '../../core/resource/json.js';
import { defaultProjection, type Projection } from '../../core/resource/projection.js';
import { resourceTypeNamed, type ResourceTypeName } from '../../core/schema/resource-types.js';
import type { DirectoryStore, StoredResource } from '../ports.js';
import { changedMeanwhile, versionRequiredBy } from './check-precondition.js';
import { findOrThrow, readResource } from './get-resource.js';
import type { ScimContext } from './scim-context.js';
import { syncUserIdentity, syncUsers } from '../provisioning/sync-user-identity.js';

/** Attempts at a read-modify-write of the attributes before giving up on a busy resource. */
const MAX_ATTEMPTS = 8;

/**
 * RFC 7644 §3.5.2. The pure engine computes the new attributes and the membership changes; attributes
 * are written only if the version read is still current (optimistic concurrency, retried), and
 * membership changes are row inserts and deletes, so concurrent PATCHes to one group never lose a
 * member and adding one costs the same in a group of 10 or 100,000.
 */
export async function patchResource(
  context: ScimContext,
  typeName: ResourceTypeName,
  id: string,
  body: unknown,
  projection: Projection = defaultProjection,
  ifMatch?: EntityTagCondition,
): Promise<{ resource: JsonObject; stored: StoredResource }> {
  const type = resourceTypeNamed(typeName);
  const operations = parsePatchRequest(type, body);
  for (let attempt = 1; ; attempt++) {
    const outcome = await context.store.transaction(async (store) => {
      const scoped = { ...context, store };
      const existing = await findOrThrow(scoped, typeName, id);
      const required = versionRequiredBy(ifMatch, existing);
      const { resource, memberChanges } = applyPatch(type, existing.attributes, operations);
      const now = context.clock.now().toISOString();
      const attributesChanged = JSON.stringify(resource) !== JSON.stringify(existing.attributes);
      let stored: StoredResource | undefined;
      if (attributesChanged || required !== undefined) {
        stored = await store.scimResources.replace(
          context.scope,
          typeName,
          id,
          resource,
          now,
          undefined,
          existing.version,
        );
        if (!stored) return undefined; // someone else wrote first
      }
      const wholeSetChanges =
        memberChanges.replaceAll !== undefined ||
        memberChanges.removeAll ||
        memberChanges.removeWhere !== undefined;
      const before = wholeSetChanges ? await store.scimResources.membersOf(context.scope, id) : [];
      const membersChanged = await applyMemberChanges(scoped.store, context, id, memberChanges);
      if (!stored) {
        stored = membersChanged
          ? await store.scimResources.touch(context.scope, typeName, id, now)
          : existing;
        if (!stored) throw new NotFoundError(`${typeName} ${JSON.stringify(id)} not found.`);
      }
      if (typeName === 'User') {
        await syncUserIdentity(scoped, stored);
      } else {
        // Only the members whose groups changed are re-derived (so adding one member costs the same in
        // any group size); a rename touches every member's group-name attribute.
        const renamed = existing.attributes.displayName !== stored.attributes.displayName;
        const current =
          renamed || wholeSetChanges ? await store.scimResources.membersOf(context.scope, id) : [];
        const affected = [
          ...memberChanges.add,
          ...memberChanges.remove,
          ...before.filter((m) => m.type === 'User').map((m) => m.value),
          ...current.filter((m) => m.type === 'User').map((m) => m.value),
        ];
        await syncUsers(scoped, affected);
      }
      return { resource: await readResource(scoped, stored, projection), stored };
    });
    if (outcome) return outcome;
    if (ifMatch !== undefined || attempt >= MAX_ATTEMPTS) throw changedMeanwhile();
  }
}

/** Applies the engine's membership intent in its documented order; returns whether anything was asked. */
async function applyMemberChanges(
  store: DirectoryStore,
  context: ScimContext,
  groupId: string,
  changes: MemberChanges,
): Promise<boolean> {
  const repository = store.scimResources;
  const asked =
    changes.replaceAll !== undefined ||
    changes.removeAll ||
    changes.removeWhere !== undefined ||
    changes.remove.length > 0 ||
    changes.add.length > 0;
  if (!asked) return false;
  const incoming = [...(changes.replaceAll ?? []), ...changes.add];
  const types = await memberTypes(store, context, groupId, incoming);
  if (changes.replaceAll !== undefined || changes.removeAll) {
    const members = (changes.replaceAll ?? []).map((id) => ({ id, type: types.get(id) ?? 'User' }));
    await repository.setMembers(context.scope, groupId, members);
  }
  if (changes.removeWhere !== undefined) {
    const filter = changes.removeWhere;
    const members = await repository.membersOf(context.scope, groupId);
    const doomed = members
      .filter((m) =>
        matchesMemberFilter(filter, {
          value: m.value,
          type: m.type,
          ...(m.display === undefined ? {} : { display: m.display }),
          $ref: `${context.baseUrl}/${m.type === 'User' ? 'Users' : 'Groups'}/${m.value}`,
        }),
      )
      .map((m) => m.value);
    await repository.removeMembers(context.scope, groupId, doomed);
  }
  if (changes.remove.length > 0) await repository.removeMembers(context.scope, groupId, changes.remove);
  if (changes.add.length > 0) {
    await repository.addMembers(
      context.scope,
      groupId,
      changes.add.map((id) => ({ id, type: types.get(id) ?? 'User' })),
    );
  }
  return true;
}

async function memberTypes(
  store: DirectoryStore,
  context: ScimContext,
  groupId: string,
  ids: readonly string[],
) {
  if (ids.includes(groupId)) throw new InvalidValueError('A group cannot be a member of itself.');
  const types = await store.scimResources.findTypes(context.scope, ids);
  const unknown = ids.filter((id) => !types.has(id));
  if (unknown.length > 0) {
    const shown = unknown
      .slice(0, 5)
      .map((id) => JSON.stringify(id))
      .join(', ');
    throw new InvalidValueError(
      `Unknown member id ${shown}: members must be users or groups of this integration.`,
    );
  }
  return types;
}
