import type { ResolvedFilter } from '../core/filter/filter-ast.js';
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

export interface ListQuery {
  readonly filter: ResolvedFilter | undefined;
  /** The integration's SCIM base URL, from which meta.location and $ref values are derived. */
  readonly baseUrl: string;
  /** 1-based, already clamped by the caller. */
  readonly startIndex: number;
  /** Already clamped; 0 asks only for the total. */
  readonly count: number;
}

export interface ListPage {
  readonly totalResults: number;
  readonly resources: readonly StoredResource[];
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
   * Returns undefined when the resource does not exist.
   */
  replace(
    scope: IntegrationScope,
    type: ResourceTypeName,
    id: string,
    attributes: JsonObject,
    lastModified: string,
    members: readonly NewMember[] | undefined,
  ): Promise<StoredResource | undefined>;
  delete(scope: IntegrationScope, type: ResourceTypeName, id: string): Promise<boolean>;
  list(scope: IntegrationScope, type: ResourceTypeName, query: ListQuery): Promise<ListPage>;
  /** The type of each id that exists in this integration; ids not returned do not exist. */
  findTypes(scope: IntegrationScope, ids: readonly string[]): Promise<ReadonlyMap<string, ResourceTypeName>>;
  membersOf(scope: IntegrationScope, groupId: string): Promise<readonly MemberReference[]>;
  groupsOf(
    scope: IntegrationScope,
    memberId: string,
  ): Promise<readonly { id: string; displayName: string }[]>;
}

export interface DirectoryStore {
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
