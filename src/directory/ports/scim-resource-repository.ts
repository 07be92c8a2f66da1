import type { JsonObject } from '../../core/resource/json.js';
import type { MemberReference } from '../../core/resource/scim-resource.js';
import type { ResourceTypeName } from '../../core/schema/resource-types.js';
import type {
  ListPage,
  ListQuery,
  NewMember,
  StoredResource,
  UserWithGroups,
} from '../model/scim-resource.js';
import type { IntegrationScope } from '../model/scope.js';

export interface ScimResourceRepository {
  /**
   * Inserts the resource with its membership; false (and nothing written) when its userName / group
   * displayName is taken, which a constraint decides. `createHash` identifies the request (retries).
   */
  insert(
    scope: IntegrationScope,
    resource: StoredResource,
    members: readonly NewMember[],
    createHash: string | null,
  ): Promise<boolean>;
  findById(scope: IntegrationScope, type: ResourceTypeName, id: string): Promise<StoredResource | undefined>;
  /** A live user and its groups (as groupsOf gives them), in one statement. */
  findUserWithGroups(scope: IntegrationScope, id: string): Promise<UserWithGroups | undefined>;
  /**
   * Replaces the attributes, bumps the version and, when `members` is given, the whole membership.
   * Returns undefined when the resource does not exist (or, with `expectedVersion`, is at another version).
   * `previous`, the attributes the caller read, lets unchanged index rows (emails, name keys) stay as
   * they are instead of being rewritten.
   */
  replace(
    scope: IntegrationScope,
    type: ResourceTypeName,
    id: string,
    attributes: JsonObject,
    lastModified: string,
    members: readonly NewMember[] | undefined,
    options?: { readonly expectedVersion?: number | undefined; readonly previous?: JsonObject },
  ): Promise<StoredResource | undefined>;
  /** With `expectedVersion`, deletes only that version (a conditional delete). */
  delete(
    scope: IntegrationScope,
    type: ResourceTypeName,
    id: string,
    expectedVersion?: number,
  ): Promise<boolean>;
  /**
   * The live resource of this type whose uniqueness key (userName of a User, displayName of a Group,
   * compared case-insensitively) is `name`, with the hash of the POST that created it.
   */
  findByName(
    scope: IntegrationScope,
    type: ResourceTypeName,
    name: string,
  ): Promise<{ resource: StoredResource; createHash: string | null } | undefined>;
  /** Records a write that changed only related rows: new version and lastModified, same attributes. */
  touch(
    scope: IntegrationScope,
    type: ResourceTypeName,
    id: string,
    lastModified: string,
  ): Promise<StoredResource | undefined>;
  /** Membership rows in, one statement per batch; members already present stay as they are. */
  addMembers(scope: IntegrationScope, groupId: string, members: readonly NewMember[]): Promise<void>;
  /** Deletes these membership rows; returns the members that were there (the closure needs the groups). */
  removeMembers(
    scope: IntegrationScope,
    groupId: string,
    memberIds: readonly string[],
  ): Promise<readonly NewMember[]>;
  /** The membership becomes exactly `members`. */
  setMembers(scope: IntegrationScope, groupId: string, members: readonly NewMember[]): Promise<void>;
  list(scope: IntegrationScope, type: ResourceTypeName, query: ListQuery): Promise<ListPage>;
  /** Live users and groups of the integration, from the counters (one statement, a few rows). */
  liveCounts(scope: IntegrationScope): Promise<{ readonly users: number; readonly groups: number }>;
  /** The type of each id that exists in this integration; ids not returned do not exist. */
  findTypes(scope: IntegrationScope, ids: readonly string[]): Promise<ReadonlyMap<string, ResourceTypeName>>;
  membersOf(scope: IntegrationScope, groupId: string): Promise<readonly MemberReference[]>;
  groupsOf(
    scope: IntegrationScope,
    memberId: string,
  ): Promise<readonly { id: string; displayName: string }[]>;
  /** Several resources by id in one query (batch work such as remapping). */
  /**
   * Another live resource of the integration whose value at `path` (a single-valued simple attribute
   * in the stored document) equals `value` (case-folded unless `caseExact`): a custom extension
   * attribute with uniqueness "server" (RFC 7643 §2.2). Scans the integration's live range (no
   * per-attribute index: definitions are data, not DDL). Called inside the writing transaction, it holds
   * a lock on the value until that transaction ends, so concurrent writers of one value take turns.
   */
  otherWithValue(
    scope: IntegrationScope,
    type: ResourceTypeName,
    path: readonly string[],
    value: string,
    caseExact: boolean,
    exceptId: string,
  ): Promise<string | undefined>;
  findByIds(
    scope: IntegrationScope,
    type: ResourceTypeName,
    ids: readonly string[],
  ): Promise<readonly StoredResource[]>;
  /** The groups of several members in one query. */
  groupsOfMany(
    scope: IntegrationScope,
    memberIds: readonly string[],
  ): Promise<ReadonlyMap<string, readonly { id: string; displayName: string }[]>>;
}
