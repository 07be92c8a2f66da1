import { sql, type Kysely } from 'kysely';
import type { IdpPreset, Integration, IntegrationOAuth } from '../directory/model/integration.js';
import type { IntegrationRepository } from '../directory/ports/integration-repository.js';
import type { Database, IntegrationsTable } from './database-schema.js';
import type { StoreDialect } from './dialect.js';
import {
  storedIntegrationSettings,
  type IntegrationSettings,
} from '../directory/model/integration-settings.js';
import { preparedQuery } from './prepared-query.js';

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
const credentialQuery = preparedQuery((db, p: { id: string }) =>
  db
    .selectFrom('integrations')
    .select([
      'id',
      'organization_id',
      'name',
      'idp',
      'created_at',
      'token_hash',
      'token_created_at',
      'token_expires_at',
      'name_key',
      'oauth_issuer',
      'oauth_audience',
      'oauth_jwks_url',
      'paused_at',
      'schema_generation',
      sql<string | null>`cast(settings as text)`.as('settings'),
    ])
    .where('id', '=', p.id),
);

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
      if (!row) return undefined;
      return {
        integration: toIntegration(row),
        tokenHash: row.token_hash,
        settings: settingsOf(row.settings, dialect),
        oauth: toOAuth(row),
        schemaGeneration: Number(row.schema_generation ?? 0),
      };
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
