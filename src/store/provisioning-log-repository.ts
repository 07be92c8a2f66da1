import { CompiledQuery, type Kysely } from 'kysely';
import type { AuthFailure, ProvisioningLogEntry } from '../directory/model/provisioning-log-entry.js';
import type { ProvisioningLogRepository } from '../directory/ports/provisioning-log-repository.js';
import type { Database, ProvisioningLogTable } from './database-schema.js';
import type { StoreDialect } from './dialect.js';

const COLUMNS = 15;

/**
 * The insert's text per engine and row count, compiled by Kysely once and cached (compiling a batch of
 * hundreds of rows on every flush cost CPU on the server's thread); each flush binds its own values, in
 * toRow's order, which is the order Kysely compiled the columns in.
 */
const insertTexts = new Map<string, string>();
function insertText(
  db: Kysely<Database>,
  dialect: StoreDialect,
  rows: readonly ProvisioningLogTable[],
): string {
  const key = `${dialect.name}:${rows.length}`;
  const cached = insertTexts.get(key);
  if (cached) return cached;
  const text = db
    .insertInto('provisioning_log')
    .values([...rows])
    .onConflict((oc) => oc.column('id').doNothing())
    .compile().sql;
  insertTexts.set(key, text);
  return text;
}

const toRow = (entry: ProvisioningLogEntry): ProvisioningLogTable => ({
  id: entry.id,
  organization_id: entry.organizationId,
  integration_id: entry.integrationId,
  request_id: entry.requestId,
  occurred_at: entry.occurredAt,
  method: entry.method,
  path: entry.path,
  status: entry.status,
  scim_type: entry.scimType,
  duration_ms: entry.durationMs,
  resource_type: entry.resourceType,
  resource_id: entry.resourceId,
  request_body: entry.requestBody,
  reason: entry.reason,
  auth_failure: entry.authFailure,
});

const toEntry = (row: ProvisioningLogTable): ProvisioningLogEntry => ({
  id: row.id,
  organizationId: row.organization_id,
  integrationId: row.integration_id,
  requestId: row.request_id,
  occurredAt: row.occurred_at,
  method: row.method,
  path: row.path,
  status: Number(row.status),
  scimType: row.scim_type,
  durationMs: Number(row.duration_ms),
  resourceType: row.resource_type as ProvisioningLogEntry['resourceType'],
  resourceId: row.resource_id,
  requestBody: row.request_body,
  reason: row.reason,
  authFailure: row.auth_failure as AuthFailure | null,
});

export function provisioningLogRepository(
  db: Kysely<Database>,
  dialect: StoreDialect,
): ProvisioningLogRepository {
  return {
    async insertMany(entries) {
      const perStatement = Math.floor(dialect.maxParameters / COLUMNS);
      for (let i = 0; i < entries.length; i += perStatement) {
        const rows = entries.slice(i, i + perStatement).map(toRow);
        const parameters = rows.flatMap((row) => Object.values(row));
        await db.executeQuery(CompiledQuery.raw(insertText(db, dialect, rows), parameters));
      }
    },
    async list(scope, query) {
      let select = db
        .selectFrom('provisioning_log')
        .selectAll()
        .where('organization_id', '=', scope.organizationId);
      if (query.integrationId) select = select.where('integration_id', '=', query.integrationId);
      if (query.from) select = select.where('occurred_at', '>=', query.from);
      if (query.to) select = select.where('occurred_at', '<', query.to);
      if (query.status !== undefined) select = select.where('status', '=', query.status);
      if (query.outcome === 'failure') select = select.where('status', '>=', 400);
      if (query.outcome === 'success') select = select.where('status', '<', 400);
      if (query.resourceId) select = select.where('resource_id', '=', query.resourceId);
      if (query.requestId) select = select.where('request_id', '=', query.requestId);
      if (query.beforeId) select = select.where('id', '<', query.beforeId);
      const rows = await select.orderBy('id', 'desc').limit(query.limit).execute();
      return rows.map(toEntry);
    },
    async eventIdsOf(scope, requests) {
      const result = new Map<string, string[]>();
      if (requests.length === 0) return result;
      const wanted = new Set(requests.map((r) => `${r.integrationId}/${r.requestId}`));
      const rows = await db
        .selectFrom('events')
        .select(['id', 'request_id', 'integration_id'])
        .where('organization_id', '=', scope.organizationId)
        .where('request_id', 'in', [...new Set(requests.map((r) => r.requestId))])
        .orderBy('seq')
        .execute();
      for (const row of rows) {
        const key = `${row.integration_id}/${row.request_id}`;
        if (!wanted.has(key) || row.request_id === null) continue;
        const list = result.get(row.request_id) ?? [];
        list.push(row.id);
        result.set(row.request_id, list);
      }
      return result;
    },
    async countSince(scope, fromId) {
      const row = await db
        .selectFrom('provisioning_log')
        .select((eb) => [
          eb.fn.countAll<number | string>().as('requests'),
          eb.fn
            .sum<number | string | null>(eb.case().when('status', '>=', 400).then(1).else(0).end())
            .as('failures'),
        ])
        .where('organization_id', '=', scope.organizationId)
        .where('integration_id', '=', scope.integrationId)
        .where('id', '>=', fromId)
        .executeTakeFirst();
      return { requests: Number(row?.requests ?? 0), failures: Number(row?.failures ?? 0) };
    },
    async activityOf(scope, fromId) {
      // provisioning_log_org (organization_id, id): a range over the window, grouped.
      const counts = await db
        .selectFrom('provisioning_log')
        .select((eb) => [
          'integration_id',
          eb.fn.countAll<number | string>().as('requests'),
          eb.fn
            .sum<number | string | null>(eb.case().when('status', '>=', 400).then(1).else(0).end())
            .as('failures'),
        ])
        .where('organization_id', '=', scope.organizationId)
        .where('id', '>=', fromId)
        .groupBy('integration_id')
        .execute();
      // The newest entry per integration: one index seek each on provisioning_log_integration
      // (organization_id, integration_id, id), whatever the log's age.
      const latest = await db
        .selectFrom('provisioning_log')
        .select(['integration_id', 'occurred_at', 'status'])
        .where('organization_id', '=', scope.organizationId)
        .where('id', 'in', (qb) =>
          qb
            .selectFrom('integrations')
            .select((eb) =>
              eb
                .selectFrom('provisioning_log as newest')
                .select('newest.id')
                .whereRef('newest.organization_id', '=', 'integrations.organization_id')
                .whereRef('newest.integration_id', '=', 'integrations.id')
                .orderBy('newest.id', 'desc')
                .limit(1)
                .as('id'),
            )
            .where('integrations.organization_id', '=', scope.organizationId),
        )
        .execute();
      const result = new Map<
        string,
        { requests: number; failures: number; lastRequest: { occurredAt: string; status: number } | null }
      >();
      for (const row of counts)
        result.set(row.integration_id, {
          requests: Number(row.requests),
          failures: Number(row.failures ?? 0),
          lastRequest: null,
        });
      for (const row of latest) {
        const known = result.get(row.integration_id) ?? { requests: 0, failures: 0, lastRequest: null };
        result.set(row.integration_id, {
          ...known,
          lastRequest: { occurredAt: row.occurred_at, status: Number(row.status) },
        });
      }
      return result;
    },
    async prune(before, limit) {
      const result = await db
        .deleteFrom('provisioning_log')
        .where('id', 'in', (qb) =>
          qb.selectFrom('provisioning_log').select('id').where('occurred_at', '<', before).limit(limit),
        )
        .executeTakeFirst();
      await db.deleteFrom('retired_tokens').where('retired_at', '<', before).execute();
      return Number(result.numDeletedRows);
    },
    async retireCurrentToken(scope, retiredAt) {
      await db
        .insertInto('retired_tokens')
        .columns(['integration_id', 'organization_id', 'token_hash', 'retired_at'])
        .expression((eb) =>
          eb
            .selectFrom('integrations')
            .select((s) => [
              'id',
              'organization_id',
              s.fn.coalesce('token_hash', s.val('')).as('token_hash'),
              s.val(retiredAt).as('retired_at'),
            ])
            .where('id', '=', scope.integrationId)
            .where('organization_id', '=', scope.organizationId)
            .where('token_hash', 'is not', null),
        )
        .onConflict((oc) =>
          oc.columns(['integration_id', 'token_hash']).doUpdateSet({ retired_at: retiredAt }),
        )
        .execute();
    },
    async retiredTokenAt(scope, tokenHash) {
      const row = await db
        .selectFrom('retired_tokens')
        .select('retired_at')
        .where('integration_id', '=', scope.integrationId)
        .where('organization_id', '=', scope.organizationId)
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row?.retired_at;
    },
    async integrationWithToken(scope, tokenHash) {
      const row = await db
        .selectFrom('integrations')
        .select('id')
        .where('token_hash', '=', tokenHash)
        .where('organization_id', '=', scope.organizationId)
        .executeTakeFirst();
      return row?.id;
    },
  };
}
