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
const connection = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
// A wait here blocks no request: only this thread.
connection.pragma('busy_timeout = 5000');
// Must fold exactly as open-sqlite.ts's scim_fold on the main connection (and the in-memory evaluator).
connection.function('scim_fold', { deterministic: true }, (value: unknown) =>
  typeof value === 'string' ? value.toLowerCase() : value,
);

// A small cache of prepared statements, least recently used out (texts repeat: queries are parameterised).
const statements = new Map<string, BetterSqlite3.Statement>();
function prepare(sql: string): BetterSqlite3.Statement {
  const cached = statements.get(sql);
  if (cached) {
    statements.delete(sql);
    statements.set(sql, cached);
    return cached;
  }
  const statement = connection.prepare(sql);
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
