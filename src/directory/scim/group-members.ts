import { InvalidValueError } from '../../core/errors.js';
import { isPlainObject, type JsonObject } from '../../core/resource/json.js';
import type { ResourceTypeName } from '../../core/schema/resource-types.js';
import type { NewMember } from '../model/scim-resource.js';
import type { ScimContext } from './scim-context.js';

/**
 * The one check of member ids, for POST, PUT and PATCH alike: every member is a live user or group of
 * the same integration, and a group is never its own member. Unknown ids are a 400 naming them.
 * Returns the type of each id.
 */
export async function checkMemberIds(
  context: ScimContext,
  groupId: string,
  ids: readonly string[],
): Promise<ReadonlyMap<string, ResourceTypeName>> {
  if (ids.length === 0) return new Map();
  if (ids.includes(groupId)) throw new InvalidValueError('A group cannot be a member of itself.');
  const types = await context.store.scimResources.findTypes(context.scope, ids);
  const unknown = ids.filter((id) => !types.has(id));
  if (unknown.length > 0) {
    const shown = unknown
      .slice(0, 5)
      .map((id) => JSON.stringify(id))
      .join(', ');
    const more = unknown.length > 5 ? ` and ${unknown.length - 5} more` : '';
    throw new InvalidValueError(
      `Unknown member id ${shown}${more}: members must be users or groups of this integration.`,
    );
  }
  return types;
}

/** The checked members, with their types, in the order given. */
export function typedMembers(
  ids: readonly string[],
  types: ReadonlyMap<string, ResourceTypeName>,
): NewMember[] {
  return ids.map((id) => ({ id, type: types.get(id) ?? 'User' }));
}

/**
 * Splits `members` off a group's validated attributes (membership is stored as rows) and checks them.
 */
export async function extractMembers(
  context: ScimContext,
  groupId: string,
  attributes: JsonObject,
): Promise<{ attributes: JsonObject; members: NewMember[] | undefined }> {
  const { members: raw, ...rest } = attributes;
  if (raw === undefined) return { attributes: rest, members: undefined };
  const ids = [
    ...new Set(
      (Array.isArray(raw) ? raw : [])
        .map((m) => (isPlainObject(m) && typeof m.value === 'string' ? m.value : undefined))
        .filter((id): id is string => id !== undefined),
    ),
  ];
  return { attributes: rest, members: typedMembers(ids, await checkMemberIds(context, groupId, ids)) };
}
