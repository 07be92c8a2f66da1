/**
 * The reference servers: bare node:http, no framework, run as their own process like Roster.
 *
 *   node reference-server.js http   BODY_FILE  answers every request with the same bytes (the HTTP limit)
 *   node reference-server.js read   DB_FILE    GET /read/{id}: one SELECT by primary key (the read limit)
 *   node reference-server.js insert DB_FILE    POST /insert: one INSERT in its own transaction (the write limit)
 *   node reference-server.js pg-read   DB_URL  the same read on PostgreSQL: a pg pool, one prepared SELECT
 *   node reference-server.js pg-insert DB_URL  the same insert on PostgreSQL: a pg pool, one prepared INSERT
 *
 * The SQLite connections use Roster's settings: its write-ahead log settings (useWriteAheadLog,
 * src/store/sqlite/open-sqlite.ts), foreign_keys=ON, busy_timeout=5000. DB_FILE is a copy of Roster's seeded database,
 * so the table, its indexes and its row count are Roster's own. The PostgreSQL ones use Roster's own
 * database (DB_URL is what Roster was given) with a pool of Roster's default size (10), so the round
 * trip to the server is the part a request cannot avoid.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { useWriteAheadLog } from '../../src/store/sqlite/open-sqlite.js';

type Handler = (request: IncomingMessage, response: ServerResponse, body: Buffer) => void;

/** Roster's default ROSTER_DATABASE_POOL_SIZE. */
const PG_POOL_SIZE = 10;

const CONTENT_TYPE = 'application/scim+json; charset=utf-8';

function reply(response: ServerResponse, status: number, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': CONTENT_TYPE, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

function openDatabase(file: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(file);
  useWriteAheadLog(db);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

interface ResourceRow {
  id: string;
  data: string;
  version: number;
  created_at: string;
  last_modified: string;
}

/** A SCIM-shaped body from a stored row without parsing its JSON: id and meta, then the attributes. */
function resourceBody(row: ResourceRow): string {
  const meta = `{"resourceType":"User","created":"${row.created_at}","lastModified":"${row.last_modified}","version":"W/\\"${row.version}\\""}`;
  return `{"id":${JSON.stringify(row.id)},"meta":${meta},${row.data.slice(1)}`;
}

function httpHandler(bodyFile: string): Handler {
  const fixed = readFileSync(bodyFile);
  return (_request, response) => reply(response, 200, fixed);
}

function readHandler(dbFile: string): Handler {
  const db = openDatabase(dbFile);
  const select = db.prepare<[string], ResourceRow>('SELECT * FROM scim_resources WHERE id = ?');
  return (request, response) => {
    const id = decodeURIComponent((request.url ?? '').slice('/read/'.length));
    const row = select.get(id);
    if (row) reply(response, 200, resourceBody(row));
    else reply(response, 404, '{"status":"404"}');
  };
}

/** The columns the insert references write, from a create body; undefined when the body is not JSON. */
function insertRow(body: Buffer): { row: ResourceRow; values: (string | null)[] } | undefined {
  let attributes: Record<string, unknown>;
  try {
    attributes = JSON.parse(body.toString()) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const now = new Date().toISOString();
  const row: ResourceRow = {
    id: randomUUID(),
    data: JSON.stringify(attributes),
    version: 1,
    created_at: now,
    last_modified: now,
  };
  const values = [
    row.id,
    (text(attributes.userName) ?? '').toLowerCase(),
    text(attributes.externalId),
    text(attributes.displayName)?.toLowerCase() ?? null,
    row.data,
    row.created_at,
    row.last_modified,
  ];
  return { row, values };
}

function insertHandler(dbFile: string): Handler {
  const db = openDatabase(dbFile);
  const integration = db.prepare('SELECT id, organization_id FROM integrations LIMIT 1').get() as
    { id: string; organization_id: string } | undefined;
  if (!integration) throw new Error(`${dbFile} has no integration`);
  const insert = db.prepare(
    `INSERT INTO scim_resources (id, organization_id, integration_id, resource_type, name_key, external_id,
       display_name_key, data, version, created_at, last_modified)
     VALUES (?, ?, ?, 'User', ?, ?, ?, ?, 1, ?, ?)`,
  );
  return (_request, response, body) => {
    const parsed = insertRow(body);
    if (!parsed) {
      reply(response, 400, '{"status":"400"}');
      return;
    }
    const [id, ...rest] = parsed.values;
    try {
      insert.run(id, integration.organization_id, integration.id, ...rest);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      reply(response, code === 'SQLITE_CONSTRAINT_UNIQUE' ? 409 : 500, `{"status":"${String(code)}"}`);
      return;
    }
    reply(response, 201, resourceBody(parsed.row));
  };
}

function pgPool(url: string): pg.Pool {
  return new pg.Pool({ connectionString: url, max: PG_POOL_SIZE });
}

/** Timestamps as Roster stores them (text on SQLite, timestamptz on PostgreSQL), in the body as ISO text. */
function pgRow(row: Record<string, unknown>): ResourceRow {
  const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));
  return {
    id: String(row.id),
    data: typeof row.data === 'string' ? row.data : JSON.stringify(row.data),
    version: Number(row.version),
    created_at: iso(row.created_at),
    last_modified: iso(row.last_modified),
  };
}

function pgReadHandler(url: string): Handler {
  const pool = pgPool(url);
  return (request, response) => {
    const id = decodeURIComponent((request.url ?? '').slice('/read/'.length));
    // A named query: prepared once per connection, as Roster's hot statements are.
    pool
      .query({ name: 'read', text: 'SELECT * FROM scim_resources WHERE id = $1', values: [id] })
      .then((result) => {
        const row = result.rows[0] as Record<string, unknown> | undefined;
        if (row) reply(response, 200, resourceBody(pgRow(row)));
        else reply(response, 404, '{"status":"404"}');
      })
      .catch((error: unknown) => reply(response, 500, `{"status":${JSON.stringify(String(error))}}`));
  };
}

function pgInsertHandler(url: string): Handler {
  const pool = pgPool(url);
  const integration = pool
    .query<{ id: string; organization_id: string }>('SELECT id, organization_id FROM integrations LIMIT 1')
    .then((result) => {
      const first = result.rows[0];
      if (!first) throw new Error(`${url} has no integration`);
      return first;
    });
  const text = `INSERT INTO scim_resources (id, organization_id, integration_id, resource_type, name_key,
       external_id, display_name_key, data, version, created_at, last_modified)
     VALUES ($1, $2, $3, 'User', $4, $5, $6, $7, 1, $8, $9)`;
  return (_request, response, body) => {
    const parsed = insertRow(body);
    if (!parsed) {
      reply(response, 400, '{"status":"400"}');
      return;
    }
    const [id, ...rest] = parsed.values;
    integration
      .then((owner) =>
        pool.query({ name: 'insert', text, values: [id, owner.organization_id, owner.id, ...rest] }),
      )
      .then(() => reply(response, 201, resourceBody(parsed.row)))
      .catch((error: unknown) => {
        const code = (error as { code?: unknown }).code;
        reply(response, code === '23505' ? 409 : 500, `{"status":"${String(code)}"}`);
      });
  };
}

function main(): void {
  const [mode, file] = process.argv.slice(2);
  if (!file) throw new Error('usage: reference-server.js http|read|insert|pg-read|pg-insert FILE|URL');
  const handlers: Record<string, (file: string) => Handler> = {
    http: httpHandler,
    read: readHandler,
    insert: insertHandler,
    'pg-read': pgReadHandler,
    'pg-insert': pgInsertHandler,
  };
  const make = mode === undefined ? undefined : handlers[mode];
  if (!make) throw new Error(`unknown mode ${String(mode)}`);
  const handler = make(file);
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handler(request, response, Buffer.concat(chunks)));
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    process.stdout.write(`Reference server (${mode}) listening on http://127.0.0.1:${port}\n`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
