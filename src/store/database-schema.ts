/** Kysely's view of the tables. Timestamps are ISO-8601 UTC strings with milliseconds (sortable as text). */
export interface OrganizationsTable {
  id: string;
  name: string;
  created_at: string;
  /** OrganizationSettings as JSON; null means every default. */
  settings: unknown;
}

export interface IntegrationsTable {
  id: string;
  organization_id: string;
  name: string;
  idp: string;
  created_at: string;
  token_hash: string | null;
  token_created_at: string | null;
  token_expires_at: string | null;
  /** IntegrationSettings as JSON; null means every default. */
  settings: unknown;
  /** The name folded to lower case: unique per organization (see migration 0007_integration_name_key). */
  name_key: string | null;
  /** OAuth 2.0 JWT access tokens the integration accepts (all three set, or none). */
  oauth_issuer: string | null;
  oauth_audience: string | null;
  oauth_jwks_url: string | null;
  /** Set while the integration is paused (migration 0015): its SCIM requests get 503. */
  paused_at: string | null;
  /** Bumped when the organization's schema extensions change (migration 0021): the resource-type cache key. */
  schema_generation: number;
}

/** An organization's custom schema extension, current version (migration 0021). */
export interface SchemaExtensionsTable {
  id: string;
  organization_id: string;
  urn: string;
  urn_key: string;
  resource_type: string;
  version: number;
  definition: unknown;
  created_at: string;
  updated_at: string;
}

/** Every saved version of a schema extension (migration 0021). */
export interface SchemaExtensionVersionsTable {
  extension_id: string;
  organization_id: string;
  version: number;
  definition: unknown;
  created_at: string;
}

/** One admin action (migration 0015_operator_controls). */
export interface AuditLogTable {
  id: string;
  occurred_at: string;
  organization_id: string | null;
  /** 'admin_key' (admin API) or 'cli' (a command run on the host). */
  actor_kind: string;
  /** The admin key's id; null for the CLI. */
  actor_id: string | null;
  /** The admin key's name, or the account that ran the command. */
  actor_name: string;
  /** `POST /api/v1/organizations/:organizationId/integrations`, or `cli integration pause`. */
  action: string;
  /** The route parameters or command arguments that name what was acted on (JSON), never a body. */
  target: string | null;
  /** The HTTP status, or the command's exit code. */
  outcome: number;
  address: string | null;
  request_id: string | null;
}

export interface ScimResourcesTable {
  id: string;
  organization_id: string;
  integration_id: string;
  resource_type: string;
  /** Case-folded userName (Users) or displayName (Groups): the uniqueness key. */
  name_key: string;
  external_id: string | null;
  /** Case-folded displayName, for indexed lookups (the stored value is in `data`). */
  display_name_key: string | null;
  /** The validated attributes: JSON text on SQLite, jsonb on PostgreSQL (see StoreDialect.parseJson). */
  data: unknown;
  version: number;
  created_at: string;
  last_modified: string;
  /**
   * Always null since migration 0008 (a SCIM DELETE deletes the row); kept because the live-resources
   * index is partial on it and every list names the condition.
   */
  deleted_at: string | null;
  /** Hash of the POST that created the resource, so an identical retry is recognised (issue 11). */
  create_hash: string | null;
}

export interface ScimMembershipsTable {
  integration_id: string;
  group_id: string;
  member_id: string;
  member_type: string;
}

/** Group-in-group reachability per integration (migration 0022; ancestor ≠ descendant). */
export interface ScimGroupClosureTable {
  organization_id: string;
  integration_id: string;
  ancestor_id: string;
  descendant_id: string;
}

export interface InstallationSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

export interface InstallationSettingsTable {
  name: string;
  value: string;
  updated_at: string;
}

export interface AuthPoliciesTable {
  id: string;
  organization_id: string;
  name: string;
  is_default: number;
  signer_ids: unknown;
  /** RequiredClaim[] as JSON; null: none. */
  required_claims: unknown;
  created_at: string;
}

export interface JwtSignersTable {
  id: string;
  organization_id: string;
  name: string;
  issuer: string;
  audience: string;
  jwks_url: string | null;
  public_key_pem: string | null;
  external_id_claim: string;
  enabled: number;
  /** JWS algorithm names as JSON; null: the asymmetric family of the key. */
  algorithms: unknown;
  created_at: string;
}

export interface RolesTable {
  id: string;
  organization_id: string;
  name: string;
  permissions: unknown;
  created_at: string;
}

export interface DirectoryGroupsTable {
  id: string;
  organization_id: string;
  name: string;
  name_key: string;
  created_at: string;
}

export interface DirectoryGroupRolesTable {
  group_id: string;
  role_id: string;
}

/** Live SCIM resources of an integration and type: the sum over the shards (kept by triggers). */
export interface ScimResourceCountsTable {
  integration_id: string;
  resource_type: string;
  shard: number;
  live: number | bigint | string;
}

export interface IdentitiesTable {
  id: string;
  organization_id: string;
  name: string;
  name_key: string;
  status: string;
  sign_in_external_id: string | null;
  auth_policy_id: string | null;
  attributes: unknown;
  profile: unknown;
  source_integration_id: string | null;
  scim_resource_id: string | null;
  created_at: string;
  updated_at: string;
  last_synced_at: string | null;
}

/** One integration's link to an identity and what it contributes (see IdentitySource). */
export interface IdentitySourcesTable {
  identity_id: string;
  organization_id: string;
  integration_id: string;
  scim_resource_id: string;
  external_id: string | null;
  user_name_key: string;
  status: string;
  contribution: unknown;
  created_at: string;
  updated_at: string;
}

export interface IdentityGroupsTable {
  identity_id: string;
  group_id: string;
}

export interface GroupMappingsTable {
  id: string;
  integration_id: string;
  match_by: string;
  idp_group: string;
  directory_group_id: string;
  automatic: number;
  created_at: string;
}

export interface IdentityGroupNamesTable {
  identity_id: string;
  scim_group_id: string;
  name: string;
}

export interface RemapJobsTable {
  id: string;
  organization_id: string;
  integration_id: string;
  status: string;
  total: number;
  processed: number;
  changed: number;
  collisions: number;
  position: string | null;
  error: string | null;
  lease_owner: string | null;
  lease_expires_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AdminApiKeysTable {
  id: string;
  name: string;
  /** null: an installation-wide key. */
  organization_id: string | null;
  /** SHA-256 of the key, hex; the key itself is never stored. */
  key_hash: string;
  hint: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ScimEmailsTable {
  integration_id: string;
  resource_id: string;
  position: number;
  value_key: string | null;
  type_key: string | null;
}

export interface SignInSessionsTable {
  id: string;
  organization_id: string;
  identity_id: string;
  signer_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ConsoleAccountsTable {
  id: string;
  email: string;
  email_key: string;
  organization_id: string | null;
  /** scrypt (see directory/console-accounts/password-hash.ts); null until an invitation is accepted. */
  password_hash: string | null;
  created_at: string;
  disabled_at: string | null;
  last_sign_in_at: string | null;
  failed_sign_ins: number;
  locked_until: string | null;
}

export interface ConsoleLinksTable {
  id: string;
  /** SHA-256 of the link's token, hex. */
  token_hash: string;
  kind: string;
  account_id: string | null;
  organization_id: string | null;
  label: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

export interface ConsoleSessionsTable {
  id: string;
  /** SHA-256 of the session cookie's token, hex. */
  token_hash: string;
  account_id: string | null;
  organization_id: string | null;
  setup_link_id: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface EventCountersTable {
  organization_id: string;
  /** The sequence number of the organization's latest event. */
  last_seq: number | string;
}

export interface EventsTable {
  organization_id: string;
  /** Per organization, 1, 2, 3, … in commit order (bigint: the pg driver returns a string). */
  seq: number | string;
  id: string;
  type: string;
  occurred_at: string;
  integration_id: string | null;
  request_id: string | null;
  actor_kind: string;
  actor_id: string | null;
  resource_type: string;
  resource_id: string;
  /** JSON: the resource's new state. */
  data: unknown;
  /** JSON: the names of the fields that changed. */
  changed: unknown;
  /** Generated (migration 0020): a member event's `data.identityId`, else null; never written. */
  member_identity_id: string | null;
}

export interface ProvisioningLogTable {
  id: string;
  organization_id: string;
  integration_id: string;
  request_id: string;
  occurred_at: string;
  method: string;
  path: string;
  status: number;
  scim_type: string | null;
  duration_ms: number;
  resource_type: string | null;
  resource_id: string | null;
  /** JSON text, secrets redacted. */
  request_body: string | null;
  reason: string | null;
  auth_failure: string | null;
}

export interface RetiredTokensTable {
  integration_id: string;
  organization_id: string;
  token_hash: string;
  retired_at: string;
}

export interface WebhookEndpointsTable {
  id: string;
  organization_id: string;
  url: string;
  description: string | null;
  /** JSON array of event types; null: every type. */
  event_types: string | null;
  enabled: number;
  status: string;
  failing_reason: string | null;
  /** Sealed (SecretCipher); never plain. */
  secret: string;
  previous_secret: string | null;
  previous_secret_until: string | null;
  cursor_seq: number | string;
  attempts: number;
  next_attempt_at: string | null;
  first_failure_at: string | null;
  last_error: string | null;
  lease_owner: string | null;
  lease_expires_at: string | null;
  created_at: string;
  updated_at: string;
  /** Migration 0019: `webhook` or `security_events` (an RFC 8935 SET receiver). */
  kind: string;
  /** A SET receiver's `aud`. */
  audience: string | null;
  /** A SET receiver's payload mode: `full` or `notice` (RFC 9967 §2.4). */
  payload: string | null;
}

export interface SecurityEventKeysTable {
  kid: string;
  organization_id: string;
  /** The private JWK, sealed (SecretCipher). */
  private_key: string;
  public_jwk: string;
  created_at: string;
  retires_at: string | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  organization_id: string;
  event_id: string;
  event_seq: number | string;
  attempt: number;
  attempted_at: string;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  response_excerpt: string | null;
  outcome: string;
  manual: number;
}

export interface TokenExpiryWarningsTable {
  integration_id: string;
  token_created_at: string;
  days: number;
}

export interface Database {
  schema_extensions: SchemaExtensionsTable;
  schema_extension_versions: SchemaExtensionVersionsTable;
  token_expiry_warnings: TokenExpiryWarningsTable;
  console_accounts: ConsoleAccountsTable;
  console_links: ConsoleLinksTable;
  console_sessions: ConsoleSessionsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  security_event_keys: SecurityEventKeysTable;
  provisioning_log: ProvisioningLogTable;
  retired_tokens: RetiredTokensTable;
  event_counters: EventCountersTable;
  events: EventsTable;
  sign_in_sessions: SignInSessionsTable;
  scim_emails: ScimEmailsTable;
  admin_api_keys: AdminApiKeysTable;
  auth_policies: AuthPoliciesTable;
  jwt_signers: JwtSignersTable;
  roles: RolesTable;
  directory_groups: DirectoryGroupsTable;
  directory_group_roles: DirectoryGroupRolesTable;
  identities: IdentitiesTable;
  identity_groups: IdentityGroupsTable;
  identity_sources: IdentitySourcesTable;
  group_mappings: GroupMappingsTable;
  identity_group_names: IdentityGroupNamesTable;
  remap_jobs: RemapJobsTable;
  audit_log: AuditLogTable;
  installation_secrets: InstallationSecretsTable;
  installation_settings: InstallationSettingsTable;
  organizations: OrganizationsTable;
  integrations: IntegrationsTable;
  scim_resources: ScimResourcesTable;
  scim_memberships: ScimMembershipsTable;
  scim_group_closure: ScimGroupClosureTable;
  scim_resource_counts: ScimResourceCountsTable;
}
