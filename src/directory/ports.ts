import type { ResolvedFilter } from '../core/filter/filter-ast.js';
import type { SortOrder } from '../core/protocol/list-request.js';
import type { JsonObject } from '../core/resource/json.js';
import type { MemberReference } from '../core/resource/scim-resource.js';
import type { ResourceTypeName } from '../core/schema/resource-types.js';
import type { IdentityProfile } from './model/identity-profile.js';
import type { IntegrationSettings } from './model/integration-settings.js';
import type { OrganizationSettings } from './model/organization-settings.js';

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

/** The tenant boundary of directory data: every repository call that reads or writes it names it first. */
export interface OrganizationScope {
  readonly organizationId: string;
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

/**
 * OAuth 2.0 access tokens that are JWTs (RFC 9068) an integration accepts besides its static bearer
 * token: issued by `issuer` for `audience`, signed by a key published at `jwksUrl`.
 */
export interface IntegrationOAuth {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
}

/** The stored hash of an integration's bearer token; never the token itself. */
export interface IntegrationCredential {
  readonly integration: Integration;
  readonly tokenHash: string | null;
  readonly settings: IntegrationSettings;
  /** null: only the static bearer token is accepted. */
  readonly oauth: IntegrationOAuth | null;
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
  findById(id: string): Promise<Organization | undefined>;
  /** Every organization, by name. */
  list(): Promise<readonly Organization[]>;
  /** Creates the organization unless one of that name exists; returns it either way. */
  ensure(organization: Organization): Promise<Organization>;
  count(): Promise<number>;
  /** The organization's settings (every default when none were saved). */
  settings(scope: OrganizationScope): Promise<OrganizationSettings>;
  saveSettings(scope: OrganizationScope, settings: OrganizationSettings): Promise<boolean>;
  /** Deletes it and, through the foreign keys, everything that belongs to it. */
  delete(id: string): Promise<boolean>;
}

export interface IntegrationRepository {
  settings(integrationId: string): Promise<IntegrationSettings | undefined>;
  saveSettings(integrationId: string, settings: IntegrationSettings): Promise<boolean>;
  /** undefined: no such integration; null: it accepts no OAuth access tokens. */
  oauth(integrationId: string): Promise<IntegrationOAuth | null | undefined>;
  saveOAuth(integrationId: string, oauth: IntegrationOAuth | null): Promise<boolean>;
  /** False when the organization already has an integration of that name, in any case. */
  insert(integration: Integration, tokenHash: string, settings: IntegrationSettings): Promise<boolean>;
  /** The organization's integration of exactly this name, else the one of this name in another case. */
  findByName(organizationId: string, name: string): Promise<Integration | undefined>;
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
  /** Several resources by id in one query (batch work such as remapping). */
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

export interface InstallationSecretRepository {
  /** The named secret, created from `generate` by whichever instance asks first. */
  getOrCreate(name: string, generate: () => string, now: string): Promise<string>;
}

/** A plain value the whole installation shares, with the time it was last written. */
export interface InstallationSetting {
  readonly value: string;
  readonly updatedAt: string;
}

export interface InstallationSettingRepository {
  find(name: string): Promise<InstallationSetting | undefined>;
  /** Writes the value, replacing any earlier one (the last writer wins). */
  save(name: string, value: string, now: string): Promise<void>;
}

export type IdentityStatus = 'active' | 'disabled' | 'deleted';

/** A person (or workload) the app knows, built from what its integrations provisioned or made by hand. */
export interface Identity {
  readonly id: string;
  readonly organizationId: string;
  /** Unique in the organization among identities that are not deleted (a deleted one releases it). */
  readonly name: string;
  readonly status: IdentityStatus;
  /** Matched against a JWT claim at sign-in; unrelated to the SCIM `externalId` attribute. */
  readonly signInExternalId: string | null;
  readonly authPolicyId: string | null;
  readonly attributes: readonly string[];
  readonly profile: IdentityProfile;
  /** The primary source (the one whose name and profile the identity carries); null when unmanaged. */
  readonly sourceIntegrationId: string | null;
  readonly scimResourceId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly lastSyncedAt: string | null;
}

/** What one integration's SCIM user makes of an identity, under that integration's settings. */
export interface IdentityContribution {
  readonly name: string;
  readonly signInExternalId: string | null;
  readonly authPolicyId: string | null;
  /** Sorted, without duplicates. */
  readonly attributes: readonly string[];
  readonly profile: IdentityProfile;
  /** Directory groups through the user's IdP groups, sorted. */
  readonly groupIds: readonly string[];
}

/**
 * The link between an identity and the SCIM user of one integration that feeds it. `deleted` once the
 * SCIM user is deleted (its contribution is kept as history, and a re-link may revive the link).
 */
export interface IdentitySource {
  readonly identityId: string;
  readonly organizationId: string;
  readonly integrationId: string;
  readonly scimResourceId: string;
  /** The SCIM user's externalId and folded userName at its last write: the keys a re-link matches. */
  readonly externalId: string | null;
  readonly userNameKey: string;
  readonly status: IdentityStatus;
  readonly contribution: IdentityContribution;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface IdentityQuery {
  readonly status?: IdentityStatus;
  readonly integrationId?: string;
  readonly groupId?: string;
  readonly attribute?: string;
  /** Case-insensitive substring of the name. */
  readonly text?: string;
  /** Identities after this id (keyset paging, id order). */
  readonly afterId?: string;
  readonly limit: number;
}

/** The key a re-link matches a new SCIM user on (IntegrationSettings.relink). */
export type RelinkKey = { readonly externalId: string } | { readonly userNameKey: string };

export interface IdentityRepository {
  findById(scope: OrganizationScope, id: string): Promise<Identity | undefined>;
  findByIds(scope: OrganizationScope, ids: readonly string[]): Promise<readonly Identity[]>;
  /** The identity this SCIM user of the integration feeds (or fed, before it was deleted). */
  findBySource(scope: IntegrationScope, scimResourceId: string): Promise<Identity | undefined>;
  /** Identities whose sign-in external ID is exactly `value` (an index lookup), at most `limit`. */
  findBySignInExternalId(
    scope: OrganizationScope,
    value: string,
    limit: number,
  ): Promise<readonly Identity[]>;
  /**
   * Inserts the identity unless a live identity holds its name: then nothing is written and the answer
   * is false (no exception, so a PostgreSQL transaction stays usable). A constraint decides races.
   */
  insert(identity: Identity): Promise<boolean>;
  /** Throws UniquenessError when another live identity holds the new name. */
  update(identity: Identity): Promise<void>;
  delete(scope: OrganizationScope, id: string): Promise<boolean>;
  /** The live (not deleted) identity holding each of these names (case-folded keys), in one query. */
  nameHolders(scope: OrganizationScope, nameKeys: readonly string[]): Promise<ReadonlyMap<string, string>>;
  setGroups(scope: OrganizationScope, identityId: string, groupIds: readonly string[]): Promise<void>;
  groupIdsOf(scope: OrganizationScope, identityId: string): Promise<readonly string[]>;
  groupIdsOfMany(
    scope: OrganizationScope,
    identityIds: readonly string[],
  ): Promise<ReadonlyMap<string, readonly string[]>>;
  firstSeenGroupNamesMany(
    scope: OrganizationScope,
    identityIds: readonly string[],
  ): Promise<ReadonlyMap<string, ReadonlyMap<string, string>>>;
  recordFirstSeenGroupNames(
    scope: OrganizationScope,
    names: readonly { identityId: string; scimGroupId: string; name: string }[],
  ): Promise<void>;
  list(scope: OrganizationScope, query: IdentityQuery): Promise<readonly Identity[]>;

  /**
   * Every source (from any integration, oldest first) of the identities that these SCIM users of the
   * integration feed, in one query: the users' own links and their identities' other links.
   */
  linkedSources(scope: IntegrationScope, scimIds: readonly string[]): Promise<readonly IdentitySource[]>;
  /** Every source of these identities, from any integration, oldest first. */
  sourcesOfIdentities(
    scope: OrganizationScope,
    identityIds: readonly string[],
  ): Promise<ReadonlyMap<string, readonly IdentitySource[]>>;
  /** The most recently deleted source of this integration whose user had this key: a re-link candidate. */
  findRelinkable(scope: IntegrationScope, key: RelinkKey): Promise<IdentitySource | undefined>;
  /** Inserts or replaces the source of (identity, integration). */
  saveSource(source: IdentitySource): Promise<void>;
  deleteSource(scope: IntegrationScope, identityId: string): Promise<void>;
  /** The integration's sources that are not deleted, in SCIM-resource-id order, for batch remapping. */
  listSources(
    scope: IntegrationScope,
    afterScimId: string | undefined,
    limit: number,
  ): Promise<readonly IdentitySource[]>;
  countSources(scope: IntegrationScope): Promise<number>;
  countInOrganization(scope: OrganizationScope): Promise<number>;
  /** Ids of the identities the integration feeds together with another integration. */
  sharedIdentityIds(scope: IntegrationScope): Promise<readonly string[]>;
  /**
   * What happens to the identities only this integration feeds when it goes away: deleted, or kept
   * unmanaged (disabled, or as they are). Returns how many.
   */
  detachSoleSourced(
    scope: IntegrationScope,
    action: 'disable' | 'delete' | 'keep',
    now: string,
  ): Promise<number>;
}

export interface DirectoryGroup {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface GroupMapping {
  readonly id: string;
  readonly integrationId: string;
  readonly matchBy: 'id' | 'displayName';
  readonly idpGroup: string;
  readonly directoryGroupId: string;
  readonly automatic: boolean;
}

export interface DirectoryGroupRepository {
  /** The group of that name (case-insensitive), created if missing. */
  ensure(organizationId: string, name: string, newId: string, now: string): Promise<DirectoryGroup>;
  findById(organizationId: string, id: string): Promise<DirectoryGroup | undefined>;
  /** The group of that name, in any case. */
  findByName(organizationId: string, name: string): Promise<DirectoryGroup | undefined>;
  list(organizationId: string): Promise<readonly DirectoryGroup[]>;
  delete(organizationId: string, id: string): Promise<boolean>;
  /**
   * Every mapping that could apply to these IdP groups (by SCIM id, or by displayName compared
   * case-insensitively); which one wins is decided by mappingPrecedence, never by the query.
   */
  mappingCandidates(
    scope: IntegrationScope,
    groups: readonly { readonly scimGroupId: string; readonly displayName: string }[],
  ): Promise<readonly GroupMapping[]>;
  mappings(integrationId: string): Promise<readonly GroupMapping[]>;
  /** False when a mapping for that IdP group exists already. */
  addMapping(mapping: GroupMapping, now: string): Promise<boolean>;
  removeMapping(integrationId: string, mappingId: string): Promise<boolean>;
  setRoles(groupId: string, roleIds: readonly string[]): Promise<void>;
  roleIdsOf(groupId: string): Promise<readonly string[]>;
}

export interface Role {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly permissions: readonly string[];
}

export interface RoleRepository {
  insert(role: Role, now: string): Promise<boolean>;
  update(role: Role): Promise<boolean>;
  delete(organizationId: string, id: string): Promise<boolean>;
  list(organizationId: string): Promise<readonly Role[]>;
  findById(organizationId: string, id: string): Promise<Role | undefined>;
  /** The roles an identity has through its directory groups. */
  effectiveRolesOf(identityId: string): Promise<readonly Role[]>;
  /**
   * An identity's directory groups (by name) and the roles they give it (by name), in one query: what
   * every successful sign-in answers.
   */
  groupsAndRolesOf(
    organizationId: string,
    identityId: string,
  ): Promise<{ readonly groups: readonly DirectoryGroup[]; readonly roles: readonly Role[] }>;
}

/** A claim a token must carry to sign in under a policy: its value (or one of its values) in `anyOf`. */
export interface RequiredClaim {
  readonly claim: string;
  readonly anyOf: readonly string[];
}

export interface AuthPolicy {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  /** The Default policy accepts every enabled signer and cannot be deleted. */
  readonly isDefault: boolean;
  readonly signerIds: readonly string[];
  /** Every rule must hold (e.g. `amr` containing `mfa`); the Default policy has none. */
  readonly requiredClaims: readonly RequiredClaim[];
}

export interface JwtSigner {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string | null;
  readonly publicKeyPem: string | null;
  /** The JWT claim whose value is matched against an identity's sign-in external ID. */
  readonly externalIdClaim: string;
  readonly enabled: boolean;
  /** The JWS algorithms its tokens may use; null: the asymmetric family of its key. */
  readonly algorithms: readonly string[] | null;
}

export interface AuthPolicyRepository {
  ensureDefault(organizationId: string, newId: string, now: string): Promise<AuthPolicy>;
  insert(policy: AuthPolicy, now: string): Promise<boolean>;
  update(policy: AuthPolicy): Promise<boolean>;
  delete(organizationId: string, id: string): Promise<boolean>;
  list(organizationId: string): Promise<readonly AuthPolicy[]>;
  findById(organizationId: string, id: string): Promise<AuthPolicy | undefined>;
}

export interface JwtSignerRepository {
  insert(signer: JwtSigner, now: string): Promise<boolean>;
  update(signer: JwtSigner): Promise<boolean>;
  delete(organizationId: string, id: string): Promise<boolean>;
  list(organizationId: string): Promise<readonly JwtSigner[]>;
  findById(organizationId: string, id: string): Promise<JwtSigner | undefined>;
}

/** A sign-in an app recorded after a successful verify; whether it is still valid is decided when read. */
export interface SignInSession {
  readonly id: string;
  readonly organizationId: string;
  readonly identityId: string;
  readonly signerId: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
}

export interface SignInSessionRepository {
  insert(session: SignInSession): Promise<void>;
  /**
   * The session with the current status of its identity, read in the same query (undefined when the
   * identity row is gone): nothing about the identity is cached with the session.
   */
  find(
    organizationId: string,
    id: string,
  ): Promise<{ session: SignInSession; identityStatus: IdentityStatus | undefined } | undefined>;
  /** Marks it revoked (once; a second revoke keeps the first time); undefined when there is no such session. */
  revoke(organizationId: string, id: string, now: string): Promise<SignInSession | undefined>;
  /** Deletes sessions that expired before `before`; returns how many. */
  pruneExpired(before: string): Promise<number>;
}

export type RemapJobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface RemapJob {
  readonly id: string;
  readonly organizationId: string;
  readonly integrationId: string;
  readonly status: RemapJobStatus;
  readonly total: number;
  readonly processed: number;
  readonly changed: number;
  readonly collisions: number;
  /** The last SCIM resource id processed: where a resumed job continues. */
  readonly position: string | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface RemapJobRepository {
  insert(job: RemapJob): Promise<void>;
  findById(id: string): Promise<RemapJob | undefined>;
  listForIntegration(integrationId: string): Promise<readonly RemapJob[]>;
  /**
   * Claims one runnable job (pending, or running with an expired lease) for `owner` until
   * `leaseExpiresAt`: row locks (FOR UPDATE SKIP LOCKED on PostgreSQL) make each job run once.
   */
  claim(owner: string, now: string, leaseExpiresAt: string): Promise<RemapJob | undefined>;
  /** Records progress while still holding the lease; false when the lease was lost. */
  progress(job: RemapJob, owner: string, leaseExpiresAt: string): Promise<boolean>;
}

/** A key for the admin API: scoped to one organization or (organizationId null) to the whole installation. */
export interface AdminKey {
  readonly id: string;
  readonly name: string;
  readonly organizationId: string | null;
  /** The key's first characters, to recognise it in a list; far too few to use it. */
  readonly hint: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

export interface AdminKeyRepository {
  /** Stores the key with the SHA-256 hash of its secret (never the secret). */
  insert(key: AdminKey, keyHash: string): Promise<void>;
  findByHash(keyHash: string): Promise<{ key: AdminKey; keyHash: string } | undefined>;
  findById(id: string): Promise<AdminKey | undefined>;
  /** Keys of one organization, or (undefined) every key; oldest first. */
  list(organizationId: string | undefined): Promise<readonly AdminKey[]>;
  /** Marks the key revoked (it stops working at once); undefined when there is no such key. */
  revoke(id: string, now: string): Promise<AdminKey | undefined>;
  /** Records a use, unless one was recorded after `notBefore` (so busy keys do not write on every call). */
  recordUse(id: string, now: string, notBefore: string): Promise<void>;
  count(): Promise<number>;
}

export interface DirectoryStore {
  readonly adminKeys: AdminKeyRepository;
  readonly identities: IdentityRepository;
  readonly directoryGroups: DirectoryGroupRepository;
  readonly roles: RoleRepository;
  readonly authPolicies: AuthPolicyRepository;
  readonly jwtSigners: JwtSignerRepository;
  readonly signInSessions: SignInSessionRepository;
  readonly remapJobs: RemapJobRepository;
  readonly installationSecrets: InstallationSecretRepository;
  readonly installationSettings: InstallationSettingRepository;
  readonly organizations: OrganizationRepository;
  readonly integrations: IntegrationRepository;
  readonly scimResources: ScimResourceRepository;
  /** Runs `work` in one database transaction; all of it commits or none of it does. */
  transaction<T>(work: (store: DirectoryStore) => Promise<T>): Promise<T>;
  /** Lets the engine refresh its planner statistics after the data changed shape (cheap when it did not). */
  refreshStatistics(): Promise<void>;
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
