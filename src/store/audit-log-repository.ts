import type { Kysely } from 'kysely';
import type { AuditEntry } from '../directory/model/audit-entry.js';
import type { AuditLogRepository } from '../directory/ports/audit-log-repository.js';
import type { AuditLogTable, Database } from './database-schema.js';
import { rowLimit } from './row-limit.js';

function toEntry(row: AuditLogTable): AuditEntry {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    organizationId: row.organization_id,
    actor: { kind: row.actor_kind as AuditEntry['actor']['kind'], id: row.actor_id, name: row.actor_name },
    action: row.action,
    target: row.target === null ? null : (JSON.parse(row.target) as AuditEntry['target']),
    outcome: row.outcome,
    address: row.address,
    requestId: row.request_id,
  };
}

export function auditLogRepository(db: Kysely<Database>): AuditLogRepository {
  return {
    async record(entry) {
      await db
        .insertInto('audit_log')
        .values({
          id: entry.id,
          occurred_at: entry.occurredAt,
          organization_id: entry.organizationId,
          actor_kind: entry.actor.kind,
          actor_id: entry.actor.id,
          actor_name: entry.actor.name,
          action: entry.action,
          target: entry.target === null ? null : JSON.stringify(entry.target),
          outcome: entry.outcome,
          address: entry.address,
          request_id: entry.requestId,
        })
        .execute();
    },
    async list(query) {
      let select = db.selectFrom('audit_log').selectAll();
      if (query.organizationId !== undefined)
        select = select.where('organization_id', '=', query.organizationId);
      if (query.actorId !== undefined) select = select.where('actor_id', '=', query.actorId);
      if (query.action !== undefined) select = select.where('action', '=', query.action);
      if (query.since !== undefined) select = select.where('occurred_at', '>=', query.since);
      if (query.until !== undefined) select = select.where('occurred_at', '<=', query.until);
      const after = query.after;
      if (after) {
        select = select.where((eb) =>
          eb.or([
            eb('occurred_at', '<', after.occurredAt),
            eb.and([eb('occurred_at', '=', after.occurredAt), eb('id', '<', after.id)]),
          ]),
        );
      }
      const rows = await select
        .orderBy('occurred_at', 'desc')
        .orderBy('id', 'desc')
        .limit(rowLimit(query.limit))
        .execute();
      return rows.map(toEntry);
    },
  };
}
