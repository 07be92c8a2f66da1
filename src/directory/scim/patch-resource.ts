import { NotFoundError } from '../../core/errors.js';
import type { EntityTagCondition } from '../../core/protocol/entity-tag.js';
import { applyPatch } from '../../core/patch/apply-patch.js';
import { matchesMemberFilter } from '../../core/patch/member-changes.js';
import type { MemberChanges } from '../../core/patch/patch-operation.js';
import { parsePatchRequest } from '../../core/patch/parse-patch-request.js';
import type { JsonObject } from '../../core/resource/json.js';
import { defaultProjection, type Projection } from '../../core/resource/projection.js';
import type { ResourceTypeName } from '../../core/schema/resource-types.js';
import type { StoredResource } from '../model/scim-resource.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { changedMeanwhile, versionRequiredBy } from './check-precondition.js';
import { findOrThrow, representResource } from './get-resource.js';
import { checkExtensionUniqueness } from './check-extension-uniqueness.js';
import { resourceTypeOf, type ScimContext } from './scim-context.js';
import { groupsReadBySync, syncIdentities, syncUsersById } from '../identity-sync/sync-identities.js';
import type { Related } from './resource-representation.js';
import { checkMemberIds, typedMembers } from './group-members.js';
import { afterGroupTreeChange, beforeGroupTreeChange } from '../nested-groups/group-tree-change.js';

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
  /** How to show the result; null when the answer carries no body (204). */
  projection: Projection | null = defaultProjection,
  ifMatch?: EntityTagCondition,
): Promise<{ resource: JsonObject | undefined; stored: StoredResource }> {
  const type = resourceTypeOf(context, typeName);
  const operations = parsePatchRequest(type, body, context.settings.inputLimits.maxPatchOperations);
  for (let attempt = 1; ; attempt++) {
    const outcome = await context.store.transaction(async (store) => {
      const inTransaction = { ...context, store };
      const existing = await findOrThrow(inTransaction, typeName, id);
      const required = versionRequiredBy(ifMatch, existing);
      const { resource, memberChanges } = applyPatch(type, existing.attributes, operations, {
        strict: context.integrationSettings.compatibility === 'strict',
      });
      const now = context.clock.now().toISOString();
      const attributesChanged = JSON.stringify(resource) !== JSON.stringify(existing.attributes);
      let stored: StoredResource | undefined;
      if (attributesChanged || required !== undefined) {
        await checkExtensionUniqueness(store, context.scope, type, id, resource, existing.attributes);
        stored = await store.scimResources.replace(context.scope, typeName, id, resource, now, undefined, {
          expectedVersion: existing.version,
          previous: existing.attributes,
        });
        if (!stored) return undefined; // someone else wrote first
      }
      const wholeSetChanges =
        memberChanges.replaceAll !== undefined ||
        memberChanges.removeAll ||
        memberChanges.removeWhere !== undefined;
      const before = wholeSetChanges ? await store.scimResources.membersOf(context.scope, id) : [];
      const incoming = [...new Set([...(memberChanges.replaceAll ?? []), ...memberChanges.add])];
      const types = typeName === 'Group' ? await checkMemberIds(inTransaction, id, incoming) : new Map();
      const applied = await applyMemberChanges(inTransaction.store, context, id, memberChanges, types);
      const membersChanged = applied.asked;
      // The closure has not moved yet (only membership rows have): what it says is still the old tree.
      const tree =
        typeName === 'Group'
          ? await beforeGroupTreeChange(store, context.scope, {
              groupId: id,
              addedGroupIds: incoming.filter((m) => types.get(m) === 'Group'),
              removedGroupIds: [
                ...applied.removedGroupIds,
                // A whole-set replace drops every group it does not list again.
                ...(memberChanges.replaceAll !== undefined || memberChanges.removeAll ? before : [])
                  .filter((m) => m.type === 'Group' && !incoming.includes(m.value))
                  .map((m) => m.value),
              ],
              renamed:
                stored !== undefined && existing.attributes.displayName !== stored.attributes.displayName,
            })
          : undefined;
      const touch = async () => {
        const touched = await store.scimResources.touch(context.scope, typeName, id, now);
        if (!touched) throw new NotFoundError(`${typeName} ${JSON.stringify(id)} not found.`);
        return touched;
      };
      let known: Related = {};
      if (typeName === 'User') {
        stored ??= membersChanged ? await touch() : existing;
        const [plan] = await syncIdentities(inTransaction, [{ user: stored }]);
        if (plan) known = { groups: groupsReadBySync(plan) };
      } else {
        // Only the members whose groups changed are re-derived (so adding one member costs the same in
        // any group size); a rename touches every member's group-name attribute.
        const renamed =
          stored !== undefined && existing.attributes.displayName !== stored.attributes.displayName;
        const current =
          renamed || wholeSetChanges ? await store.scimResources.membersOf(context.scope, id) : [];
        const affected = [
          ...memberChanges.add,
          ...memberChanges.remove,
          ...before.filter((m) => m.type === 'User').map((m) => m.value),
          ...current.filter((m) => m.type === 'User').map((m) => m.value),
        ];
        // Nested groups: the closure follows in this transaction, and the users below a changed link
        // (or a renamed group) are re-derived in the same batch (docs/groups.md).
        const below = tree
          ? await afterGroupTreeChange(store, context.scope, context.integrationSettings, tree)
          : [];
        await syncUsersById(inTransaction, [...affected, ...below]);
        // A members-only change bumps the group's version last: on PostgreSQL that update holds the
        // group's row until commit, so concurrent member adds to one group wait for one statement, not
        // for each other's whole identity sync (issue 15: member adds flat in group size).
        stored ??= membersChanged ? await touch() : existing;
      }
      return {
        resource:
          projection === null ? undefined : await representResource(inTransaction, stored, projection, known),
        stored,
      };
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
  types: ReadonlyMap<string, ResourceTypeName>,
): Promise<{ asked: boolean; removedGroupIds: string[] }> {
  const repository = store.scimResources;
  const asked =
    changes.replaceAll !== undefined ||
    changes.removeAll ||
    changes.removeWhere !== undefined ||
    changes.remove.length > 0 ||
    changes.add.length > 0;
  if (!asked) return { asked, removedGroupIds: [] };
  const removedGroupIds: string[] = [];
  const removeRows = async (ids: readonly string[]) => {
    for (const m of await repository.removeMembers(context.scope, groupId, ids))
      if (m.type === 'Group') removedGroupIds.push(m.id);
  };
  if (changes.replaceAll !== undefined || changes.removeAll) {
    await repository.setMembers(context.scope, groupId, typedMembers(changes.replaceAll ?? [], types));
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
    await removeRows(doomed);
  }
  if (changes.remove.length > 0) await removeRows(changes.remove);
  if (changes.add.length > 0) {
    await repository.addMembers(context.scope, groupId, typedMembers(changes.add, types));
  }
  return { asked, removedGroupIds };
}
