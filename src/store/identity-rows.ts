import type { IdentityProfile } from '../directory/model/identity-profile.js';
import type {
  Identity,
  IdentityContribution,
  IdentitySource,
  IdentityStatus,
} from '../directory/model/identity.js';
import type { IdentitiesTable, IdentitySourcesTable } from './database-schema.js';
import type { StoreDialect } from './dialect.js';

/** An identity's and an identity source's rows as the store reads them, wherever they are read. */
export const IDENTITY_COLUMNS = [
  'id',
  'organization_id',
  'name',
  'name_key',
  'status',
  'sign_in_external_id',
  'auth_policy_id',
  'attributes',
  'profile',
  'source_integration_id',
  'scim_resource_id',
  'created_at',
  'updated_at',
  'last_synced_at',
] as const satisfies readonly (keyof IdentitiesTable)[];
// Every column, so an identity read through a join is the whole identity.
const everyIdentityColumn: Exclude<keyof IdentitiesTable, (typeof IDENTITY_COLUMNS)[number]> extends never
  ? true
  : never = true;
void everyIdentityColumn;

export const SOURCE_COLUMNS = [
  'identity_id',
  'organization_id',
  'integration_id',
  'scim_resource_id',
  'external_id',
  'user_name_key',
  'status',
  'contribution',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof IdentitySourcesTable)[];
const everySourceColumn: Exclude<keyof IdentitySourcesTable, (typeof SOURCE_COLUMNS)[number]> extends never
  ? true
  : never = true;
void everySourceColumn;

/** The JSON columns among them: typed `jsonb` on PostgreSQL, text on SQLite. */
export const JSON_COLUMNS: ReadonlySet<string> = new Set(['attributes', 'profile', 'contribution']);

export function identityFromRow(row: IdentitiesTable, dialect: StoreDialect): Identity {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    status: row.status as IdentityStatus,
    signInExternalId: row.sign_in_external_id,
    authPolicyId: row.auth_policy_id,
    attributes: dialect.parseJson(row.attributes) as unknown as string[],
    profile: dialect.parseJson(row.profile) as IdentityProfile,
    sourceIntegrationId: row.source_integration_id,
    scimResourceId: row.scim_resource_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastSyncedAt: row.last_synced_at,
  };
}

export function sourceFromRow(row: IdentitySourcesTable, dialect: StoreDialect): IdentitySource {
  return {
    identityId: row.identity_id,
    organizationId: row.organization_id,
    integrationId: row.integration_id,
    scimResourceId: row.scim_resource_id,
    externalId: row.external_id,
    userNameKey: row.user_name_key,
    status: row.status as IdentityStatus,
    contribution: dialect.parseJson(row.contribution) as unknown as IdentityContribution,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
