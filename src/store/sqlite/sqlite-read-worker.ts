/**
 * The worker thread behind sqlite-reader.ts: one read-only connection to the database file, answering
 * `{ id, sql, parameters }` with `{ id, rows }` or `{ id, error }`. Self-contained (no import of our
 * own modules) so that Node can run it straight from TypeScript in the test suite as from dist.
 */
import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';

interface Request {
  readonly id: number;
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

const { file } = workerData as { file: string };

function open(): BetterSqlite3.Database {
  const opened = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  // A wait here blocks no request: only this thread.
  opened.pragma('busy_timeout = 5000');
  // Must fold exactly as open-sqlite.ts's scim_fold on the main connection (and the in-memory evaluator).
  opened.function('scim_fold', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  );
  return opened;
}

/**
 * better-sqlite3 frees a prepared statement's native memory only when its connection closes (measured:
 * about 5 bytes per byte of SQL, kept through GC). Ad-hoc filters come in endless shapes, so once the
 * statements prepared on a connection reach this much SQL, the connection is closed and opened again,
 * between two queries: memory stays bounded (issue 14: a fuzz run reached 1.1 GB).
 */
const RENEW_AFTER_SQL_LENGTH = 8 * 1_048_576;

let connection = open();
let preparedLength = 0;

// A small cache of prepared statements, least recently used out (texts repeat: queries are parameterised).
const statements = new Map<string, BetterSqlite3.Statement>();
function prepare(sql: string): BetterSqlite3.Statement {
  const cached = statements.get(sql);
  if (cached) {
    statements.delete(sql);
    statements.set(sql, cached);
    return cached;
  }
  if (preparedLength + sql.length > RENEW_AFTER_SQL_LENGTH) {
    statements.clear();
    connection.close();
    connection = open();
    preparedLength = 0;
  }
  const statement = connection.prepare(sql);
  preparedLength += sql.length;
  statements.set(sql, statement);
  if (statements.size > 100) statements.delete(statements.keys().next().value as string);
  return statement;
}

parentPort?.on('message', (request: Request) => {
  try {
    const statement = prepare(request.sql);
    if (!statement.reader) throw new Error('The SQLite reader runs only queries that return rows.');
    parentPort?.postMessage({ id: request.id, rows: statement.all(request.parameters) });
  } catch (error) {
    const failure = error as { message?: string; code?: string };
    parentPort?.postMessage({ id: request.id, error: { message: failure.message, code: failure.code } });
  }
});
