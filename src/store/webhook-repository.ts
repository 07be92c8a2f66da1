import { sql, type Kysely } from 'kysely';
import type { EventType } from '../directory/model/directory-event.js';
import type { WebhookDelivery, WebhookEndpoint } from '../directory/model/webhook-endpoint.js';
import type { WebhookRepository } from '../directory/ports/webhook-repository.js';
import type { Database, WebhookDeliveriesTable, WebhookEndpointsTable } from './database-schema.js';
import type { StoreDialect } from './dialect.js';

const toEndpoint = (row: WebhookEndpointsTable): WebhookEndpoint => ({
  id: row.id,
  kind: row.kind as WebhookEndpoint['kind'],
  audience: row.audience,
  payload: row.payload as WebhookEndpoint['payload'],
  organizationId: row.organization_id,
  url: row.url,
  description: row.description,
  eventTypes: row.event_types === null ? null : (JSON.parse(row.event_types) as EventType[]),
  enabled: Number(row.enabled) === 1,
  status: row.status as WebhookEndpoint['status'],
  failingReason: row.failing_reason,
  cursorSequence: Number(row.cursor_seq),
  attempts: Number(row.attempts),
  nextAttemptAt: row.next_attempt_at,
  firstFailureAt: row.first_failure_at,
  lastError: row.last_error,
  previousSecretUntil: row.previous_secret_until,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toDelivery = (row: WebhookDeliveriesTable): WebhookDelivery => ({
  id: row.id,
  endpointId: row.endpoint_id,
  organizationId: row.organization_id,
  eventId: row.event_id,
  eventSequence: Number(row.event_seq),
  attempt: Number(row.attempt),
  attemptedAt: row.attempted_at,
  statusCode: row.status_code === null ? null : Number(row.status_code),
  latencyMs: Number(row.latency_ms),
  error: row.error,
  responseExcerpt: row.response_excerpt,
  outcome: row.outcome as WebhookDelivery['outcome'],
  manual: Number(row.manual) === 1,
});

export function webhookRepository(db: Kysely<Database>, dialect: StoreDialect): WebhookRepository {
  const owned = (id: string, scope: { organizationId: string }) =>
    db
      .updateTable('webhook_endpoints')
      .where('id', '=', id)
      .where('organization_id', '=', scope.organizationId);
  return {
    async insert(endpoint, sealedSecret) {
      await db
        .insertInto('webhook_endpoints')
        .values({
          id: endpoint.id,
          kind: endpoint.kind,
          audience: endpoint.audience,
          payload: endpoint.payload,
          organization_id: endpoint.organizationId,
          url: endpoint.url,
          description: endpoint.description,
          event_types: endpoint.eventTypes === null ? null : JSON.stringify(endpoint.eventTypes),
          enabled: endpoint.enabled ? 1 : 0,
          status: endpoint.status,
          failing_reason: null,
          secret: sealedSecret,
          previous_secret: null,
          previous_secret_until: null,
          cursor_seq: endpoint.cursorSequence,
          attempts: 0,
          next_attempt_at: null,
          first_failure_at: null,
          last_error: null,
          lease_owner: null,
          lease_expires_at: null,
          created_at: endpoint.createdAt,
          updated_at: endpoint.updatedAt,
        })
        .execute();
    },
    async list(scope, kind) {
      const rows = await db
        .selectFrom('webhook_endpoints')
        .selectAll()
        .where('organization_id', '=', scope.organizationId)
        .where('kind', '=', kind)
        .orderBy('id')
        .execute();
      return rows.map(toEndpoint);
    },
    async findById(scope, id) {
      const row = await db
        .selectFrom('webhook_endpoints')
        .selectAll()
        .where('id', '=', id)
        .where('organization_id', '=', scope.organizationId)
        .executeTakeFirst();
      return row ? toEndpoint(row) : undefined;
    },
    async update(scope, id, change, now) {
      const result = await owned(id, scope)
        .set({
          ...(change.url !== undefined ? { url: change.url } : {}),
          ...(change.description !== undefined ? { description: change.description } : {}),
          ...(change.eventTypes !== undefined
            ? { event_types: change.eventTypes === null ? null : JSON.stringify(change.eventTypes) }
            : {}),
          ...(change.enabled !== undefined ? { enabled: change.enabled ? 1 : 0 } : {}),
          ...(change.audience !== undefined ? { audience: change.audience } : {}),
          ...(change.payload !== undefined ? { payload: change.payload } : {}),
          ...(change.sealedSecret !== undefined ? { secret: change.sealedSecret } : {}),
          updated_at: now,
        })
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async delete(scope, id) {
      const result = await db
        .deleteFrom('webhook_endpoints')
        .where('id', '=', id)
        .where('organization_id', '=', scope.organizationId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async secrets(scope, id) {
      const row = await db
        .selectFrom('webhook_endpoints')
        .select(['secret', 'previous_secret', 'previous_secret_until'])
        .where('id', '=', id)
        .where('organization_id', '=', scope.organizationId)
        .executeTakeFirst();
      return row
        ? { current: row.secret, previous: row.previous_secret, previousUntil: row.previous_secret_until }
        : undefined;
    },
    async setSecrets(scope, id, secrets, now) {
      const result = await owned(id, scope)
        .set({
          secret: secrets.current,
          previous_secret: secrets.previous,
          previous_secret_until: secrets.previousUntil,
          updated_at: now,
        })
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async resetCursor(scope, id, cursorSequence, now) {
      const result = await owned(id, scope)
        .set({
          cursor_seq: cursorSequence,
          status: 'active',
          failing_reason: null,
          attempts: 0,
          next_attempt_at: null,
          first_failure_at: null,
          updated_at: now,
        })
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async claim(owner, now, leaseExpiresAt) {
      // As the remap job claim: one statement picks and leases; SKIP LOCKED on PostgreSQL, and the outer
      // condition re-checks the lease, so an endpoint never has two deliverers.
      const free = sql`(lease_expires_at is null or lease_expires_at <= ${now})`;
      const lock = dialect.supportsSkipLocked ? sql` for update of w skip locked` : sql``;
      const row = await db
        .updateTable('webhook_endpoints')
        .set({ lease_owner: owner, lease_expires_at: leaseExpiresAt })
        .where(
          'id',
          '=',
          sql<string>`(select w.id from webhook_endpoints w
            join event_counters c on c.organization_id = w.organization_id
            where w.enabled = 1 and w.status = 'active' and c.last_seq > w.cursor_seq
              and (w.next_attempt_at is null or w.next_attempt_at <= ${now})
              and (w.lease_expires_at is null or w.lease_expires_at <= ${now})
            order by w.next_attempt_at, w.id limit 1${lock})`,
        )
        .where(sql<boolean>`${free}`)
        .returningAll()
        .executeTakeFirst();
      return row
        ? {
            endpoint: toEndpoint(row),
            secrets: {
              current: row.secret,
              previous: row.previous_secret,
              previousUntil: row.previous_secret_until,
            },
          }
        : undefined;
    },
    async advance(endpointId, owner, cursorSequence, leaseExpiresAt) {
      const result = await db
        .updateTable('webhook_endpoints')
        .set({
          cursor_seq: cursorSequence,
          attempts: 0,
          next_attempt_at: null,
          first_failure_at: null,
          last_error: null,
          lease_expires_at: leaseExpiresAt,
        })
        .where('id', '=', endpointId)
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async recordFailure(endpointId, owner, failure, now) {
      const result = await db
        .updateTable('webhook_endpoints')
        .set({
          attempts: failure.attempts,
          next_attempt_at: failure.nextAttemptAt,
          first_failure_at: failure.firstFailureAt,
          last_error: failure.lastError,
          status: failure.status,
          failing_reason: failure.failingReason,
          lease_owner: null,
          lease_expires_at: null,
          updated_at: now,
        })
        .where('id', '=', endpointId)
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async release(endpointId, owner) {
      await db
        .updateTable('webhook_endpoints')
        .set({ lease_owner: null, lease_expires_at: null })
        .where('id', '=', endpointId)
        .where('lease_owner', '=', owner)
        .execute();
    },
    async backlogInInstallation() {
      const row = await sql<{ pending: number | string | null; failing: number | string | null }>`
        select
          sum(case when w.enabled = 1 and w.status = 'active' and c.last_seq > w.cursor_seq
                   then c.last_seq - w.cursor_seq else 0 end) as pending,
          sum(case when w.status = 'failing' then 1 else 0 end) as failing
        from webhook_endpoints w left join event_counters c on c.organization_id = w.organization_id`.execute(
        db,
      );
      const first = row.rows[0];
      return { pendingEvents: Number(first?.pending ?? 0), failingEndpoints: Number(first?.failing ?? 0) };
    },
    async sealedInInstallation() {
      const rows = await db
        .selectFrom('webhook_endpoints')
        .select(['id', 'secret', 'previous_secret', 'previous_secret_until'])
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        current: row.secret,
        previous: row.previous_secret,
        previousUntil: row.previous_secret_until,
      }));
    },
    async replaceSealed(id, was, now) {
      let update = db
        .updateTable('webhook_endpoints')
        .set({ secret: now.current, previous_secret: now.previous })
        .where('id', '=', id)
        .where('secret', '=', was.current);
      update =
        was.previous === null
          ? update.where('previous_secret', 'is', null)
          : update.where('previous_secret', '=', was.previous);
      const result = await update.executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async addDelivery(delivery) {
      await db
        .insertInto('webhook_deliveries')
        .values({
          id: delivery.id,
          endpoint_id: delivery.endpointId,
          organization_id: delivery.organizationId,
          event_id: delivery.eventId,
          event_seq: delivery.eventSequence,
          attempt: delivery.attempt,
          attempted_at: delivery.attemptedAt,
          status_code: delivery.statusCode,
          latency_ms: delivery.latencyMs,
          error: delivery.error,
          response_excerpt: delivery.responseExcerpt,
          outcome: delivery.outcome,
          manual: delivery.manual ? 1 : 0,
        })
        .execute();
    },
    async deliveries(scope, endpointId, page) {
      let select = db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('endpoint_id', '=', endpointId)
        .where('organization_id', '=', scope.organizationId);
      if (page.beforeId) select = select.where('id', '<', page.beforeId);
      const rows = await select.orderBy('id', 'desc').limit(page.limit).execute();
      return rows.map(toDelivery);
    },
    async findDelivery(scope, endpointId, deliveryId) {
      const row = await db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('id', '=', deliveryId)
        .where('endpoint_id', '=', endpointId)
        .where('organization_id', '=', scope.organizationId)
        .executeTakeFirst();
      return row ? toDelivery(row) : undefined;
    },
  };
}
