import { CompiledQuery, type Kysely } from 'kysely';
import type { DirectoryEvent, EventType, NewDirectoryEvent } from '../directory/model/directory-event.js';
import type { EventRepository } from '../directory/ports/event-repository.js';
import type { Database, EventsTable } from './database-schema.js';
import type { StoreDialect } from './dialect.js';
import { deferrableWrite } from './deferred-writes.js';

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
   * counter row's lock is held only from here to the commit; on PostgreSQL the statement travels with
   * the COMMIT (deferrableWrite), so that span has no wait for this process (docs/events.md).
   */
  async flush(db: Kysely<Database>, dialect: StoreDialect): Promise<void> {
    // Organizations in a fixed order: two transactions touching the same two never deadlock here.
    for (const organizationId of [...this.byOrganization.keys()].sort()) {
      const events = this.byOrganization.get(organizationId) ?? [];
      const perStatement = Math.floor(dialect.maxParameters / (COLUMNS_PER_EVENT + 1));
      for (let i = 0; i < events.length; i += perStatement)
        await writeEvents(db, dialect, organizationId, events.slice(i, i + perStatement));
    }
    this.byOrganization.clear();
  }
}

const COLUMNS_PER_EVENT = 12;

const EVENT_COLUMNS =
  'id, type, occurred_at, integration_id, request_id, actor_kind, actor_id, resource_type, resource_id, data, changed';

const TAKE_NUMBERS = (p: (n: number) => string) =>
  `insert into event_counters (organization_id, last_seq) values (${p(1)}, ${p(2)})
    on conflict (organization_id) do update set last_seq = event_counters.last_seq + excluded.last_seq
    returning last_seq`;

/**
 * The statement texts, built by hand once per (engine, number of events) and cached: a SCIM write runs
 * the same few shapes again and again, and building them through Kysely's template on every commit cost
 * more CPU than running them (bench, member-add-10). Parameters are bound, never spliced.
 */
const statements = new Map<string, string>();

function writeText(dialect: StoreDialect, count: number): string {
  const key = `${dialect.name}:${count}`;
  const cached = statements.get(key);
  if (cached) return cached;
  let text: string;
  if (dialect.supportsWritableCte) {
    // $1 organization, $2 count, then 12 per event: ordinal, the 11 columns.
    const rows = Array.from({ length: count }, (_, i) => {
      const at = (k: number) => `$${3 + i * COLUMNS_PER_EVENT + k}`;
      return `(cast(${at(0)} as bigint), ${at(1)}, ${at(2)}, ${at(3)}, ${at(4)}, ${at(5)}, ${at(6)}, ${at(7)}, ${at(8)}, ${at(9)}, cast(${at(10)} as jsonb), cast(${at(11)} as jsonb))`;
    });
    // Nothing reads its answer, and it is the transaction's last statement: it travels with the COMMIT.
    text = deferrableWrite(`with counter as (${TAKE_NUMBERS((n) => `$${n}`)})
      insert into events (organization_id, seq, ${EVENT_COLUMNS})
      select $1, counter.last_seq - $2 + v.ordinal, v.id, v.type, v.occurred_at, v.integration_id, v.request_id,
        v.actor_kind, v.actor_id, v.resource_type, v.resource_id, v.data, v.changed
      from counter cross join (values ${rows.join(', ')}) as v(ordinal, ${EVENT_COLUMNS})`);
  } else {
    const row = `(${Array.from({ length: COLUMNS_PER_EVENT + 1 }, () => '?').join(', ')})`;
    text = `insert into events (organization_id, seq, ${EVENT_COLUMNS}) values ${Array.from({ length: count }, () => row).join(', ')}`;
  }
  statements.set(key, text);
  return text;
}

function columnsOf(event: NewDirectoryEvent): unknown[] {
  return [
    event.id,
    event.type,
    event.occurredAt,
    event.cause.integrationId,
    event.cause.requestId,
    event.cause.actor.kind,
    event.cause.actor.id,
    event.resourceType,
    event.resourceId,
    JSON.stringify(event.data),
    JSON.stringify(event.changed),
  ];
}

async function writeEvents(
  db: Kysely<Database>,
  dialect: StoreDialect,
  organizationId: string,
  events: readonly NewDirectoryEvent[],
): Promise<void> {
  const count = events.length;
  if (dialect.supportsWritableCte) {
    const parameters: unknown[] = [organizationId, count];
    events.forEach((event, i) => parameters.push(i + 1, ...columnsOf(event)));
    await db.executeQuery(CompiledQuery.raw(writeText(dialect, count), parameters));
    return;
  }
  // SQLite: one writer at a time, so the numbers taken here are the next ones to commit.
  const taken = await db.executeQuery<{ last_seq: number | string }>(
    CompiledQuery.raw(
      TAKE_NUMBERS(() => '?'),
      [organizationId, count],
    ),
  );
  const last = Number(taken.rows[0]?.last_seq);
  const parameters: unknown[] = [];
  events.forEach((event, i) => parameters.push(organizationId, last - count + 1 + i, ...columnsOf(event)));
  await db.executeQuery(CompiledQuery.raw(writeText(dialect, count), parameters));
}

/** The stored columns of an event (not the generated member_identity_id). */
const EVENT_ROW = [
  'organization_id',
  'seq',
  'id',
  'type',
  'occurred_at',
  'integration_id',
  'request_id',
  'actor_kind',
  'actor_id',
  'resource_type',
  'resource_id',
  'data',
  'changed',
] as const;

function toEvent(row: Omit<EventsTable, 'member_identity_id'>, dialect: StoreDialect): DirectoryEvent {
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
      const page = () => {
        let select = db
          .selectFrom('events')
          .select(EVENT_ROW)
          .where('organization_id', '=', scope.organizationId)
          .where('seq', '>', query.afterSequence);
        if (query.types && query.types.length > 0) select = select.where('type', 'in', [...query.types]);
        return select;
      };
      const resourceId = query.resourceId;
      // A resource's history: its own events (events_resource) and, for an identity, the member events
      // naming it (events_member_identity), each an index range merged in feed order. One OR would let
      // the planner scan the organization's whole feed instead (SQLite does).
      const select =
        resourceId === undefined
          ? page()
          : page()
              .where('resource_id', '=', resourceId)
              .unionAll(page().where('member_identity_id', '=', resourceId));
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
    async claimTokenWarning(scope, tokenCreatedAt, days) {
      const result = await db
        .insertInto('token_expiry_warnings')
        .values({ integration_id: scope.integrationId, token_created_at: tokenCreatedAt, days })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
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
