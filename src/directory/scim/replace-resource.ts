import { NotFoundError } from '../../core/errors.js';
import { checkImmutable } from '../../core/resource/check-immutable.js';
import { coerceResource } from '../../core/resource/coerce-resource.js';
import type { JsonObject } from '../../core/resource/json.js';
import { defaultProjection, type Projection } from '../../core/resource/projection.js';
import type { ResourceTypeName } from '../../core/schema/resource-types.js';
import type { StoredResource } from '../model/scim-resource.js';
import { findOrThrow, representResource } from './get-resource.js';
import { changedMeanwhile, versionRequiredBy } from './check-precondition.js';
import type { EntityTagCondition } from '../../core/protocol/entity-tag.js';
import { extractMembers } from './group-members.js';
import { afterGroupTreeChange, beforeGroupTreeChange } from '../nested-groups/group-tree-change.js';
import { refuseUnacceptedSchemas } from '../../core/resource/unaccepted-extensions.js';
import { checkExtensionUniqueness } from './check-extension-uniqueness.js';
import { resourceTypeOf, type ScimContext } from './scim-context.js';
import { groupsReadBySync, syncIdentities, syncUsersById } from '../identity-sync/sync-identities.js';
import type { Related } from './resource-representation.js';
import type { MemberReference } from '../../core/resource/scim-resource.js';
import type { NewMember } from '../model/scim-resource.js';

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
  const type = resourceTypeOf(context, typeName);
  if (context.integrationSettings.compatibility === 'strict') refuseUnacceptedSchemas(type, body);
  const coerced = coerceResource(type, body);
  return context.store.transaction(async (store) => {
    const inTransaction = { ...context, store };
    const existing = await findOrThrow(inTransaction, typeName, id);
    const expectedVersion = versionRequiredBy(ifMatch, existing);
    checkImmutable(type, existing.attributes, coerced);
    // Members whose groups change (or whose group is renamed) need their identities re-derived.
    const before = typeName === 'Group' ? await store.scimResources.membersOf(context.scope, id) : [];
    const { attributes, members } =
      typeName === 'Group'
        ? await extractMembers(inTransaction, id, coerced)
        : { attributes: coerced, members: undefined };
    await checkExtensionUniqueness(store, context.scope, type, id, attributes, existing.attributes);
    const tree =
      typeName === 'Group'
        ? await beforeGroupTreeChange(store, context.scope, {
            groupId: id,
            ...groupMemberDiff(before, members),
            renamed: existing.attributes.displayName !== attributes.displayName,
          })
        : undefined;
    const now = context.clock.now().toISOString();
    const stored = await store.scimResources.replace(context.scope, typeName, id, attributes, now, members, {
      expectedVersion,
      previous: existing.attributes,
    });
    if (!stored) {
      if (expectedVersion !== undefined) throw changedMeanwhile();
      throw new NotFoundError(`${typeName} ${JSON.stringify(id)} not found.`);
    }
    let known: Related = {};
    if (typeName === 'User') {
      const [plan] = await syncIdentities(inTransaction, [{ user: stored }]);
      if (plan) known = { groups: groupsReadBySync(plan) };
    } else {
      const renamed = existing.attributes.displayName !== stored.attributes.displayName;
      const current = (members ?? []).map((m) => m.id);
      const was = before.map((m) => m.value);
      const affected = renamed
        ? [...was, ...current]
        : symmetricDifference(was, current, members === undefined);
      // Nested groups: the closure follows, and users below a changed link or a rename are re-derived too.
      const below = tree
        ? await afterGroupTreeChange(store, context.scope, context.integrationSettings, tree)
        : [];
      await syncUsersById(inTransaction, [
        ...affected.filter((memberId) => isUser(before, members, memberId)),
        ...below,
      ]);
    }
    return { resource: await representResource(inTransaction, stored, projection, known), stored };
  });
}

/** The group members a PUT adds and removes (none when the body leaves `members` out). */
function groupMemberDiff(
  before: readonly MemberReference[],
  after: readonly NewMember[] | undefined,
): { addedGroupIds: string[]; removedGroupIds: string[] } {
  if (after === undefined) return { addedGroupIds: [], removedGroupIds: [] };
  const was = new Set(before.filter((m) => m.type === 'Group').map((m) => m.value));
  const now = new Set(after.filter((m) => m.type === 'Group').map((m) => m.id));
  return {
    addedGroupIds: [...now].filter((id) => !was.has(id)),
    removedGroupIds: [...was].filter((id) => !now.has(id)),
  };
}

function symmetricDifference(was: readonly string[], now: readonly string[], unchanged: boolean): string[] {
  if (unchanged) return [];
  const before = new Set(was);
  const after = new Set(now);
  return [...was.filter((id) => !after.has(id)), ...now.filter((id) => !before.has(id))];
}

function isUser(
  before: readonly MemberReference[],
  after: readonly NewMember[] | undefined,
  id: string,
): boolean {
  return (
    before.some((m) => m.value === id && m.type === 'User') ||
    (after ?? []).some((m) => m.id === id && m.type === 'User')
  );
}
