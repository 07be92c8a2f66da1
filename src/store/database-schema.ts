/** Kysely's view of the tables. Timestamps are ISO-8601 UTC strings with milliseconds (sortable as text). */
export interface OrganizationsTable {
  id: string;
  name: string;
  created_at: string;
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
}

export interface ScimMembershipsTable {
  integration_id: string;
  group_id: string;
  member_id: string;
  member_type: string;
}

export interface InstallationSecretsTable {
  name: string;
  value: string;
  created_at: string;
}

export interface Database {
  installation_secrets: InstallationSecretsTable;
  organizations: OrganizationsTable;
  integrations: IntegrationsTable;
  scim_resources: ScimResourcesTable;
  scim_memberships: ScimMembershipsTable;
}
