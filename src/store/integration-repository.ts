import { sql, type Kysely } from 'kysely';
import type {
  IdpPreset,
  Integration,
  IntegrationCredential,
  IntegrationOAuth,
} from '../directory/model/integration.js';
import type { IntegrationRepository } from '../directory/ports/integration-repository.js';
import type { Database, IntegrationsTable } from './database-schema.js';
import type { StoreDialect } from './dialect.js';
import {
  storedIntegrationSettings,
  type IntegrationSettings,
} from '../directory/model/integration-settings.js';
import { preparedQuery } from './prepared-query.js';
import { nameKeyOf, toStored, userWithGroupsOf } from './stored-resource-row.js';

function toIntegration(row: IntegrationsTable): Integration {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    idp: row.idp as IdpPreset,
    createdAt: row.created_at,
    tokenCreatedAt: row.token_created_at,
    tokenExpiresAt: row.token_expires_at,
    pausedAt: row.paused_at ?? null,
  };
}

function toOAuth(row: Pick<IntegrationsTable, 'oauth_issuer' | 'oauth_audience' | 'oauth_jwks_url'>) {
  if (row.oauth_issuer === null || row.oauth_audience === null || row.oauth_jwks_url === null) return null;
  return { issuer: row.oauth_issuer, audience: row.oauth_audience, jwksUrl: row.oauth_jwks_url };
}

/**
 * Every SCIM request authenticates with this one: prepared once (issue 15). The settings come as text on
 * both engines (a no-op cast on SQLite; jsonb's canonical text on PostgreSQL), so PostgreSQL's driver does
 * not parse them and `settingsOf` finds the parsed, validated form by that text instead of validating an
 * object on every request.
 */
const CREDENTIAL_COLUMNS = [
  'i.id',
  'i.organization_id',
  'i.name',
  'i.idp',
  'i.created_at',
  'i.token_hash',
  'i.token_created_at',
  'i.token_expires_at',
  'i.name_key',
  'i.oauth_issuer',
  'i.oauth_audience',
  'i.oauth_jwks_url',
  'i.paused_at',
  'i.schema_generation',
] as const;
const settingsText = sql<string | null>`cast(i.settings as text)`.as('settings');

const credentialQuery = preparedQuery((db, p: { id: string }) =>
  db
    .selectFrom('integrations as i')
    .select([...CREDENTIAL_COLUMNS, settingsText])
    .where('i.id', '=', p.id),
);

/**
 * The credential and the integration's live user of that id (or folded userName) with its groups, in one
 * statement: a `GET /Users/{id}` or an IdP's `userName eq` lookup is then one round trip on PostgreSQL,
 * not two or three (issue 15; on this machine each statement cost Roster a socket write, a quarter of
 * the request's CPU). The user rows come from the integration row's own organization and integration,
 * so no other tenant's user can be joined.
 */
function credentialWithUserQuery(by: 'r.id' | 'r.name_key') {
  return preparedQuery((db, p: { id: string; user: string }, dialect) =>
    db
      .selectFrom('integrations as i')
      .leftJoin('scim_resources as r', (join) =>
        join
          .onRef('r.integration_id', '=', 'i.id')
          .onRef('r.organization_id', '=', 'i.organization_id')
          .on(by, '=', p.user)
          .on('r.resource_type', '=', 'User')
          .on('r.deleted_at', 'is', null),
      )
      .leftJoin('scim_memberships as m', (join) =>
        join.onRef('m.member_id', '=', 'r.id').onRef('m.integration_id', '=', 'r.integration_id'),
      )
      .leftJoin('scim_resources as g', 'g.id', 'm.group_id')
      .select([
        ...CREDENTIAL_COLUMNS,
        settingsText,
        'r.id as user_id',
        'r.resource_type as user_resource_type',
        'r.data as user_data',
        'r.version as user_version',
        'r.created_at as user_created_at',
        'r.last_modified as user_last_modified',
        'm.group_id as group_id',
        dialect.jsonScalar(sql.ref('g.data'), ['displayName']).as('group_display'),
      ])
      .where('i.id', '=', p.id)
      .orderBy('m.group_id'),
  );
}
const credentialWithUserByIdQuery = credentialWithUserQuery('r.id');
const credentialWithUserByNameQuery = credentialWithUserQuery('r.name_key');

/**
 * Settings as stored, parsed and validated. Every SCIM request reads them with its credential; the
 * stored text changes only when an admin saves settings, so the parsed form is kept per distinct text
 * (a change is a new text: nothing is ever stale). Bounded: at most one entry per integration's
 * current settings, and old texts fall out.
 */
const settingsByText = new Map<string, IntegrationSettings>();
const SETTINGS_MEMO_CAPACITY = 512;

function settingsOf(stored: unknown, dialect: StoreDialect): IntegrationSettings {
  if (stored === null) return storedIntegrationSettings(null);
  if (typeof stored !== 'string') return storedIntegrationSettings(dialect.parseJson(stored));
  const known = settingsByText.get(stored);
  if (known) return known;
  const settings = storedIntegrationSettings(dialect.parseJson(stored));
  if (settingsByText.size >= SETTINGS_MEMO_CAPACITY) settingsByText.clear();
  settingsByText.set(stored, settings);
  return settings;
}

function credentialOf(
  row: Omit<IntegrationsTable, 'settings'> & { settings: string | null },
  dialect: StoreDialect,
): IntegrationCredential {
  return {
    integration: toIntegration(row),
    tokenHash: row.token_hash,
    settings: settingsOf(row.settings, dialect),
    oauth: toOAuth(row),
    schemaGeneration: Number(row.schema_generation ?? 0),
  };
}

export function integrationRepository(db: Kysely<Database>, dialect: StoreDialect): IntegrationRepository {
  return {
    async settings(scope) {
      const row = await db
        .selectFrom('integrations')
        .select('settings')
        .where('id', '=', scope.integrationId)
        .where('organization_id', '=', scope.organizationId)
        .executeTakeFirst();
      if (!row) return undefined;
      return settingsOf(row.settings, dialect);
    },
    async saveSettings(scope, settings) {
      const result = await db
        .updateTable('integrations')
        .set({ settings: JSON.stringify(settings) })
        .where('id', '=', scope.integrationId)
        .where('organization_id', '=', scope.organizationId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async oauth(scope) {
      const row = await db
        .selectFrom('integrations')
        .select(['oauth_issuer', 'oauth_audience', 'oauth_jwks_url'])
        .where('id', '=', scope.integrationId)
        .where('organization_id', '=', scope.organizationId)
        .executeTakeFirst();
      return row ? toOAuth(row) : undefined;
    },
    async saveOAuth(scope, oauth: IntegrationOAuth | null) {
      const result = await db
        .updateTable('integrations')
        .set({
          oauth_issuer: oauth?.issuer ?? null,
          oauth_audience: oauth?.audience ?? null,
          oauth_jwks_url: oauth?.jwksUrl ?? null,
        })
        .where('id', '=', scope.integrationId)
        .where('organization_id', '=', scope.organizationId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async insert(integration, tokenHash, settings) {
      const result = await db
        .insertInto('integrations')
        .values({
          id: integration.id,
          organization_id: integration.organizationId,
          name: integration.name,
          idp: integration.idp,
          created_at: integration.createdAt,
          token_hash: tokenHash,
          token_created_at: integration.tokenCreatedAt,
          token_expires_at: integration.tokenExpiresAt,
          settings: JSON.stringify(settings),
          name_key: integration.name.toLowerCase(),
          oauth_issuer: null,
          oauth_audience: null,
          oauth_jwks_url: null,
          schema_generation: 0,
        })
        // Either name constraint (exact, or folded: integrations_org_name_key_unique) refuses it.
        .onConflict((c) => c.doNothing())
        .returning('id')
        .executeTakeFirst();
      return result !== undefined;
    },
    async findByName(scope, name) {
      const rows = await db
        .selectFrom('integrations')
        .selectAll()
        .where('organization_id', '=', scope.organizationId)
        .where((eb) => eb.or([eb('name', '=', name), eb('name_key', '=', name.toLowerCase())]))
        .execute();
      const row = rows.find((r) => r.name === name) ?? rows[0];
      return row ? toIntegration(row) : undefined;
    },
    async list(scope) {
      let query = db.selectFrom('integrations').selectAll().orderBy('created_at').orderBy('id');
      if (scope !== undefined) query = query.where('organization_id', '=', scope.organizationId);
      return (await query.execute()).map(toIntegration);
    },
    async findById(scope, integrationId) {
      const row = await db
        .selectFrom('integrations')
        .selectAll()
        .where('id', '=', integrationId)
        .where('organization_id', '=', scope.organizationId)
        .executeTakeFirst();
      return row ? toIntegration(row) : undefined;
    },
    async findInInstallation(integrationId) {
      const row = await db
        .selectFrom('integrations')
        .selectAll()
        .where('id', '=', integrationId)
        .executeTakeFirst();
      return row ? toIntegration(row) : undefined;
    },
    async findCredential(integrationId) {
      const row = await credentialQuery.first(db, dialect, { id: integrationId });
      return row ? credentialOf(row, dialect) : undefined;
    },
    async findCredentialWithUser(integrationId, key) {
      const rows =
        'id' in key
          ? await credentialWithUserByIdQuery.rows(db, dialect, { id: integrationId, user: key.id })
          : await credentialWithUserByNameQuery.rows(db, dialect, {
              id: integrationId,
              user: nameKeyOf(key.userName),
            });
      const first = rows[0];
      if (!first) return undefined;
      const user =
        first.user_id === null
          ? undefined
          : userWithGroupsOf(
              toStored(
                {
                  id: first.user_id,
                  resource_type: String(first.user_resource_type),
                  data: first.user_data,
                  version: Number(first.user_version),
                  created_at: String(first.user_created_at),
                  last_modified: String(first.user_last_modified),
                },
                dialect,
              ),
              rows,
            );
      return { credential: credentialOf(first, dialect), user };
    },
    async replaceToken(scope, tokenHash, createdAt, expiresAt) {
      const result = await db
        .updateTable('integrations')
        .set({ token_hash: tokenHash, token_created_at: createdAt, token_expires_at: expiresAt })
        .where('id', '=', scope.integrationId)
        .where('organization_id', '=', scope.organizationId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async bumpSchemaGeneration(scope) {
      await db
        .updateTable('integrations')
        .set((eb) => ({ schema_generation: eb('schema_generation', '+', 1) }))
        .where('organization_id', '=', scope.organizationId)
        .execute();
    },
    async setPaused(scope, pausedAt) {
      const result = await db
        .updateTable('integrations')
        .set({ paused_at: pausedAt })
        .where('id', '=', scope.integrationId)
        .where('organization_id', '=', scope.organizationId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async delete(scope) {
      const result = await db
        .deleteFrom('integrations')
        .where('id', '=', scope.integrationId)
        .where('organization_id', '=', scope.organizationId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async count() {
      const row = await db
        .selectFrom('integrations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
