import type { ScimType } from '../errors.js';
import type { JsonObject } from '../resource/json.js';
import { ENTERPRISE_USER_SCHEMA, PATCH_OP_SCHEMA } from '../schema/schema-urns.js';

/**
 * One row of the PATCH table: a stored resource, the operations a client sends, and either the stored
 * resource afterwards (plus, for groups, the membership changes) or the error's scimType.
 */
export interface PatchCase {
  readonly name: string;
  readonly type: 'User' | 'Group';
  readonly before: JsonObject;
  readonly operations: readonly unknown[];
  /** The whole request body, for cases about its shape; otherwise a PatchOp body around `operations`. */
  readonly body?: unknown;
  readonly after?: JsonObject;
  readonly error?: { readonly scimType: ScimType };
  readonly memberChanges?: ExpectedMemberChanges;
}

/** MemberChanges with defaults left out and `removeWhere` printed (see describeMemberFilter). */
export interface ExpectedMemberChanges {
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
  readonly replaceAll?: readonly string[];
  readonly removeAll?: boolean;
  readonly removeWhere?: string;
}

export const E = ENTERPRISE_USER_SCHEMA;

export function patchBody(operations: readonly unknown[]): JsonObject {
  return { schemas: [PATCH_OP_SCHEMA], Operations: operations };
}

export const add = (path: string | undefined, value: unknown) =>
  path === undefined ? { op: 'add', value } : { op: 'add', path, value };
export const replace = (path: string | undefined, value: unknown) =>
  path === undefined ? { op: 'replace', value } : { op: 'replace', path, value };
export const remove = (path: string, value?: unknown) =>
  value === undefined ? { op: 'remove', path } : { op: 'remove', path, value };

/** Barbara Jensen, after RFC 7643 §8.2, as Roster stores her. */
export const babs: JsonObject = {
  userName: 'bjensen',
  externalId: 'bjensen-ext',
  displayName: 'Babs Jensen',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  active: true,
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@home.example', type: 'home' },
  ],
  phoneNumbers: [{ value: '555-0100', type: 'work' }],
  [E]: { employeeNumber: '701984', department: 'Tour Operations', manager: { value: 'mgr-1' } },
};

export const ada: JsonObject = { userName: 'ada' };

export const guides: JsonObject = { displayName: 'Tour Guides' };

/** babs with some attributes replaced; keys given as undefined are removed. */
export function babsWith(changes: JsonObject): JsonObject {
  const out: JsonObject = { ...babs, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete out[key];
  return out;
}

/** babs's enterprise extension with some attributes replaced; undefined removes. */
export function babsEnterprise(changes: JsonObject): JsonObject {
  const current = babs[E] as JsonObject;
  const extension: JsonObject = { ...current, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete extension[key];
  return babsWith({ [E]: Object.keys(extension).length === 0 ? undefined : extension });
}

export const workEmail = { value: 'bjensen@example.com', type: 'work', primary: true };
export const homeEmail = { value: 'babs@home.example', type: 'home' };
