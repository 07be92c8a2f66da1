/**
 * How many write transactions one organization commits per second on PostgreSQL, through Roster's own
 * store code: each inserts a row, then appends an event (the feed's counter upsert and numbered insert,
 * the last statement before COMMIT, docs/events.md), with 16 at a time. Every writer of an organization
 * waits for its counter row, so this is bounded by how long a transaction holds that lock: with the
 * COMMIT pipelined behind the event write, that is the server's own work and WAL flush, not a round trip
 * to this process and back. `--rtt-ms` puts a delay proxy between the two (a database on another
 * machine). `npm run bench:commits -- [--rtt-ms 2] [--seconds 8] [--connections 16]`
 * (PostgreSQL at 127.0.0.1:5432, user postgres, database test).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import type { NewDirectoryEvent } from '../../src/directory/model/directory-event.js';
import { PendingEvents } from '../../src/store/event-repository.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { openPostgres } from '../../src/store/postgres/open-postgres.js';
import { postgresDialect } from '../../src/store/postgres/postgres-dialect.js';

const { values } = parseArgs({
  options: {
    'rtt-ms': { type: 'string', default: '0' },
    seconds: { type: 'string', default: '8' },
    connections: { type: 'string', default: '16' },
  },
});
const rttMs = Number(values['rtt-ms']);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const url = process.env.ROSTER_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const target = new URL(url);
if (!['127.0.0.1', 'localhost'].includes(target.hostname))
  throw new Error('The bench only talks to a local PostgreSQL.');
const schema = `roster_commits_${process.pid}`;

/** Starts the delay proxy in front of PostgreSQL; resolves with its port and a stop function. */
function startProxy(oneWayMs: number): Promise<{ port: number; stop: () => void }> {
  const script = fileURLToPath(new URL('./delay-proxy.js', import.meta.url));
  const child = spawn(process.execPath, [script, '0', target.port || '5432', String(oneWayMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) =>
      resolve({ port: Number(chunk.toString().trim()), stop: () => child.kill() }),
    );
    child.once('exit', (code) => reject(new Error(`delay proxy exited (${String(code)})`)));
  });
}

const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create schema ${schema}`);
const proxy = rttMs > 0 ? await startProxy(rttMs / 2) : undefined;
try {
  const setup = openPostgres({ url, poolSize: 2, statementTimeoutMs: 60_000, schema });
  await migrateToLatest(setup, postgresDialect);
  const organizationId = randomUUID();
  await sql`insert into organizations (id, name, created_at) values (${organizationId}, ${'commits'}, ${new Date().toISOString()})`.execute(
    setup,
  );
  await sql`create table bench_rows (id text primary key, data text not null)`.execute(setup);
  await setup.destroy();

  const viaProxy = new URL(url);
  if (proxy) viaProxy.port = String(proxy.port);
  const db = openPostgres({
    url: viaProxy.toString(),
    poolSize: connections,
    statementTimeoutMs: 60_000,
    schema,
  });
  const event = (): NewDirectoryEvent => ({
    id: randomUUID(),
    type: 'identity.updated',
    occurredAt: new Date().toISOString(),
    cause: { actor: { kind: 'system', id: 'commit-bench' }, integrationId: null, requestId: null },
    resourceType: 'identity',
    resourceId: randomUUID(),
    data: { name: 'bench' },
    changed: ['name'],
  });
  const transaction = () =>
    db.transaction().execute(async (trx) => {
      await sql`insert into bench_rows (id, data) values (${randomUUID()}, ${'x'.repeat(200)})`.execute(trx);
      const pending = new PendingEvents();
      pending.add(organizationId, [event()]);
      await pending.flush(trx, postgresDialect);
    });
  for (let i = 0; i < 50; i++) await transaction();
  // The round trip as measured (timers make the proxy's delay coarser than asked).
  const trips: number[] = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    await sql`select 1`.execute(db);
    trips.push(performance.now() - started);
  }
  trips.sort((a, b) => a - b);
  const roundTripMs = (trips[trips.length >> 1] ?? 0).toFixed(2);

  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        await transaction();
        latencies.push(performance.now() - started);
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    (latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0).toFixed(2);
  const { rows } = await sql<{ n: string }>`select count(*) as n from events`.execute(db);
  console.log(
    `one organization, ${connections} connections, ${rttMs > 0 ? `delay proxy (--rtt-ms ${rttMs})` : 'loopback'}, ` +
      `select 1 round trip ${roundTripMs} ms: ` +
      `${(latencies.length / seconds).toFixed(0)} transactions/s, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, ` +
      `${((used.user + used.system) / latencies.length).toFixed(0)} µs of this process's CPU each ` +
      `(${rows[0]?.n ?? '?'} events written)`,
  );
  await db.destroy();
} finally {
  proxy?.stop();
  await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.end();
}
