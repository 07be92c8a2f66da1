import type { ResolvedFilter } from '../core/filter/filter-ast.js';
import type { SortOrder } from '../core/protocol/list-request.js';
import type { JsonObject } from '../core/resource/json.js';
import type { MemberReference } from '../core/resource/scim-resource.js';
import type { ResourceTypeName } from '../core/schema/resource-types.js';

/** Every SCIM storage call is scoped to one integration of one organization: the tenant boundary. */
export interface IntegrationScope {
  readonly organizationId: string;
  readonly integrationId: string;
}

export const idpPresets = ['okta', 'entra', 'google', 'jumpcloud', 'onelogin', 'generic'] as const;
export type IdpPreset = (typeof idpPresets)[number];

export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface Integration {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly idp: IdpPreset;
  readonly createdAt: string;
  readonly tokenCreatedAt: string | null;
  readonly tokenExpiresAt: string | null;
}

/** The stored hash of an integration's bearer token; never the token itself. */
export interface IntegrationCredential {
  readonly integration: Integration;
  readonly tokenHash: string | null;
}

/** A SCIM resource as stored: validated attributes (no id, meta, members or groups) plus bookkeeping. */
export interface StoredResource {
  readonly id: string;
  readonly resourceType: ResourceTypeName;
  readonly attributes: JsonObject;
  readonly version: number;
  readonly created: string;
  readonly lastModified: string;
}

export interface NewMember {
  readonly id: string;
  readonly type: ResourceTypeName;
}

/** A position in a sorted list: the sort key of a row and its id (the tie-breaker). */
export interface SortKey {
  readonly value: string | number | boolean | null;
  readonly id: string;
}

/** Offset pages (RFC 7644 startIndex) or keyset pages (RFC 9865 cursors: cost independent of depth). */
export type PageRequest =
  | { readonly kind: 'offset'; readonly offset: number; readonly limit: number }
  | {
      readonly kind: 'keyset';
      /** Rows strictly after this key in the walk's direction; undefined starts at the beginning. */
      readonly after: SortKey | undefined;
      /** Walk towards the start of the list (for previousCursor). Rows still come back in list order. */
      readonly backward: boolean;
      readonly limit: number;
    };

export interface ListQuery {
  readonly filter: ResolvedFilter | undefined;
  /** The integration's SCIM base URL, from which meta.location and $ref values are derived. */
  readonly baseUrl: string;
  /** Undefined sorts by creation (then id). */
  readonly sort: SortOrder | undefined;
  readonly page: PageRequest;
  /** Counting every match costs a scan of the matches; keyset pages after the first skip it. */
  readonly withTotal: boolean;
}

export interface ListPage {
  readonly totalResults: number | undefined;
  readonly resources: readonly StoredResource[];
  /** The sort key of each resource, in the same order. */
  readonly keys: readonly SortKey[];
  /** Keyset pages: whether more rows lie beyond this page in the walk's direction. */
  readonly hasMore: boolean;
}

export interface OrganizationRepository {
  findByName(name: string): Promise<Organization | undefined>;
  /** Creates the organization unless one of that name exists; returns it either way. */
  ensure(organization: Organization): Promise<Organization>;
  count(): Promise<number>;
}

export interface IntegrationRepository {
  /** False when the organization already has an integration of that name. */
  insert(integration: Integration, tokenHash: string): Promise<boolean>;
  list(organizationId: string | undefined): Promise<readonly Integration[]>;
  findById(integrationId: string): Promise<Integration | undefined>;
  findCredential(integrationId: string): Promise<IntegrationCredential | undefined>;
  /** Replaces the token hash in one statement: the old token stops working at once. */
  replaceToken(
    integrationId: string,
    tokenHash: string,
    createdAt: string,
    expiresAt: string,
  ): Promise<boolean>;
  delete(integrationId: string): Promise<boolean>;
  count(): Promise<number>;
}

export interface ScimResourceRepository {
  /** Throws UniquenessError when the userName / group displayName is taken (enforced by a constraint). */
  insert(scope: IntegrationScope, resource: StoredResource, members: readonly NewMember[]): Promise<void>;
  findById(scope: IntegrationScope, type: ResourceTypeName, id: string): Promise<StoredResource | undefined>;
  /**
   * Replaces the attributes, bumps the version and, when `members` is given, the whole membership.
   * Returns undefined when the resource does not exist (or, with `expectedVersion`, is at another version).
   */
  replace(
    scope: IntegrationScope,
    type: ResourceTypeName,
    id: string,
    attributes: JsonObject,
    lastModified: string,
    members: readonly NewMember[] | undefined,
    expectedVersion?: number,
  ): Promise<StoredResource | undefined>;
  /** With `expectedVersion`, deletes only that version (a conditional delete). */
  delete(
    scope: IntegrationScope,
    type: ResourceTypeName,
    id: string,
    expectedVersion?: number,
  ): Promise<boolean>;
  /** Records a write that changed only related rows: new version and lastModified, same attributes. */
  touch(
    scope: IntegrationScope,
    type: ResourceTypeName,
    id: string,
    lastModified: string,
  ): Promise<StoredResource | undefined>;
  /** Membership rows in, one statement per batch; members already present stay as they are. */
  addMembers(scope: IntegrationScope, groupId: string, members: readonly NewMember[]): Promise<void>;
  removeMembers(scope: IntegrationScope, groupId: string, memberIds: readonly string[]): Promise<void>;
  /** The membership becomes exactly `members`. */
  setMembers(scope: IntegrationScope, groupId: string, members: readonly NewMember[]): Promise<void>;
  list(scope: IntegrationScope, type: ResourceTypeName, query: ListQuery): Promise<ListPage>;
  /** The type of each id that exists in this integration; ids not returned do not exist. */
  findTypes(scope: IntegrationScope, ids: readonly string[]): Promise<ReadonlyMap<string, ResourceTypeName>>;
  membersOf(scope: IntegrationScope, groupId: string): Promise<readonly MemberReference[]>;
  groupsOf(
    scope: IntegrationScope,
    memberId: string,
  ): Promise<readonly { id: string; displayName: string }[]>;
}

export interface InstallationSecretRepository {
  /** The named secret, created from `generate` by whichever instance asks first. */
  getOrCreate(name: string, generate: () => string, now: string): Promise<string>;
}

export interface DirectoryStore {
  readonly installationSecrets: InstallationSecretRepository;
  readonly organizations: OrganizationRepository;
  readonly integrations: IntegrationRepository;
  readonly scimResources: ScimResourceRepository;
  /** Runs `work` in one database transaction; all of it commits or none of it does. */
  transaction<T>(work: (store: DirectoryStore) => Promise<T>): Promise<T>;
  /** True when the database answers and its schema is at the latest migration. */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export interface IdSource {
  newId(): string;
}
