import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DirectoryEvent, EventType, NewDirectoryEvent } from '../directory/model/directory-event.js';
import type { EventRepository } from '../directory/ports/event-repository.js';
import type { Database, EventsTable } from './database-schema.js';
import type { StoreDialect } from './dialect.js';

/** Events a transaction appended, per organization, written just before it commits. */
export class PendingEvents {
  private readonly byOrganization = new Map<string, NewDirectoryEvent[]>();

  add(organizationId: string, events: readonly NewDirectoryEvent[]): void {
    if (events.length === 0) return;
    const list = this.byOrganization.get(organizationId);
    if (list) list.push(...events);
    else this.byOrganization.set(organizationId, [...events]);
  }

  /**
   * Writes them: per organization, one statement on PostgreSQL (the counter upsert in a WITH clause,
   * then a multi-row insert), two on SQLite. Called as the last thing a transaction does, so the
   * counter row's lock is held only from here to the commit (docs/events.md).
   */
  async flush(db: Kysely<Database>, dialect: StoreDialect): Promise<void> {
    // Organizations in a fixed order: two transactions touching the same two never deadlock here.
    for (const organizationId of [...this.byOrganization.keys()].sort()) {
      const events = this.byOrganization.get(organizationId) ?? [];
      const perStatement = Math.floor(dialect.maxParameters / COLUMNS_PER_EVENT);
      for (let i = 0; i < events.length; i += perStatement)
        await writeEvents(db, dialect, organizationId, events.slice(i, i + perStatement));
    }
    this.byOrganization.clear();
  }
}

const COLUMNS_PER_EVENT = 12;

function eventValues(event: NewDirectoryEvent, ordinal: number, dialect: StoreDialect): RawBuilder<unknown> {
  const json = (value: unknown) =>
    dialect.jsonColumnType === 'jsonb'
      ? sql`cast(${JSON.stringify(value)} as jsonb)`
      : sql`${JSON.stringify(value)}`;
  return sql`(${sql.join([
    dialect.supportsWritableCte ? sql`cast(${ordinal} as bigint)` : sql`${ordinal}`,
    sql`${event.id}`,
    sql`${event.type}`,
    sql`${event.occurredAt}`,
    sql`${event.cause.integrationId}`,
    sql`${event.cause.requestId}`,
    sql`${event.cause.actor.kind}`,
    sql`${event.cause.actor.id}`,
    sql`${event.resourceType}`,
    sql`${event.resourceId}`,
    json(event.data),
    json(event.changed),
  ])})`;
}

const eventColumns = sql.raw(
  'id, type, occurred_at, integration_id, request_id, actor_kind, actor_id, resource_type, resource_id, data, changed',
);

async function writeEvents(
  db: Kysely<Database>,
  dialect: StoreDialect,
  organizationId: string,
  events: readonly NewDirectoryEvent[],
): Promise<void> {
  const count = events.length;
  const takeNumbers = sql`insert into event_counters (organization_id, last_seq) values (${organizationId}, ${count})
    on conflict (organization_id) do update set last_seq = event_counters.last_seq + excluded.last_seq
    returning last_seq`;
  if (dialect.supportsWritableCte) {
    const rows = sql.join(events.map((event, i) => eventValues(event, i + 1, dialect)));
    await sql`with counter as (${takeNumbers})
      insert into events (organization_id, seq, ${eventColumns})
      select ${organizationId}, counter.last_seq - ${count} + v.ordinal, v.id, v.type, v.occurred_at,
        v.integration_id, v.request_id, v.actor_kind, v.actor_id, v.resource_type, v.resource_id, v.data, v.changed
      from counter cross join (values ${rows})
        as v(ordinal, ${eventColumns})`.execute(db);
    return;
  }
  // SQLite: one writer at a time, so the numbers taken here are the next ones to commit.
  const taken = await takeNumbers.execute(db);
  const last = Number((taken.rows[0] as { last_seq: number | string }).last_seq);
  const first = last - count + 1;
  const rows = sql.join(
    events.map(
      (event, i) =>
        sql`(${organizationId}, ${first + i}, ${sql.join([
          sql`${event.id}`,
          sql`${event.type}`,
          sql`${event.occurredAt}`,
          sql`${event.cause.integrationId}`,
          sql`${event.cause.requestId}`,
          sql`${event.cause.actor.kind}`,
          sql`${event.cause.actor.id}`,
          sql`${event.resourceType}`,
          sql`${event.resourceId}`,
          sql`${JSON.stringify(event.data)}`,
          sql`${JSON.stringify(event.changed)}`,
        ])})`,
    ),
  );
  await sql`insert into events (organization_id, seq, ${eventColumns}) values ${rows}`.execute(db);
}

function toEvent(row: EventsTable, dialect: StoreDialect): DirectoryEvent {
  return {
    id: row.id,
    organizationId: row.organization_id,
    sequence: Number(row.seq),
    type: row.type as EventType,
    occurredAt: row.occurred_at,
    cause: {
      actor: { kind: row.actor_kind as DirectoryEvent['cause']['actor']['kind'], id: row.actor_id },
      integrationId: row.integration_id,
      requestId: row.request_id,
    },
    resourceType: row.resource_type as DirectoryEvent['resourceType'],
    resourceId: row.resource_id,
    data: dialect.parseJson(row.data),
    changed: dialect.parseJson(row.changed) as unknown as string[],
  };
}

/**
 * `pending` is the transaction's queue; a store outside a transaction has none and refuses appends, so
 * no change can be written with its event left to a later, separate statement.
 */
export function eventRepository(
  db: Kysely<Database>,
  dialect: StoreDialect,
  pending: PendingEvents | undefined,
): EventRepository {
  return {
    append(scope, events) {
      if (!pending) throw new Error('Events are appended inside a transaction, with the change they record.');
      pending.add(scope.organizationId, events);
    },
    async list(scope, query) {
      let select = db
        .selectFrom('events')
        .selectAll()
        .where('organization_id', '=', scope.organizationId)
        .where('seq', '>', query.afterSequence);
      if (query.types && query.types.length > 0) select = select.where('type', 'in', [...query.types]);
      const rows = await select.orderBy('seq').limit(query.limit).execute();
      return rows.map((row) => toEvent(row, dialect));
    },
    async head(scope) {
      const row = await db
        .selectFrom('event_counters')
        .select('last_seq')
        .where('organization_id', '=', scope.organizationId)
        .executeTakeFirst();
      return row ? Number(row.last_seq) : 0;
    },
    async oldest(scope) {
      const row = await db
        .selectFrom('events')
        .select('seq')
        .where('organization_id', '=', scope.organizationId)
        .orderBy('seq')
        .limit(1)
        .executeTakeFirst();
      return row ? Number(row.seq) : undefined;
    },
    async writtenInInstallation() {
      const row = await db
        .selectFrom('event_counters')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('last_seq'), eb.val(0)).as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async prune(before, limit) {
      const result = await db
        .deleteFrom('events')
        .where('id', 'in', (qb) =>
          qb.selectFrom('events').select('id').where('occurred_at', '<', before).limit(limit),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
