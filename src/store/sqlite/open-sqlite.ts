import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../database-schema.js';
import { createPrivateFile } from './create-private-file.js';
import { withStatementCache } from './statement-cache.js';

/**
 * What `roster serve` waits, synchronously, for another process's write lock before the transaction is
 * retried asynchronously. A one-off CLI command keeps SQLite's usual 5 s: it blocks no one but itself,
 * and its writes outside a transaction (an audit row) then wait for the server instead of failing.
 */
export const SERVER_BUSY_TIMEOUT_MS = 20;

/**
 * Opens a SQLite file with the settings Roster relies on: WAL so readers never wait for the writer,
 * foreign keys on (membership rows cascade), and a busy timeout so a CLI command and the server can
 * share the file.
 */
export function openSqlite(file: string, options: { busyTimeoutMs?: number } = {}): Kysely<Database> {
  if (file !== ':memory:') createPrivateFile(file);
  const connection = new BetterSqlite3(file);
  connection.pragma('journal_mode = WAL');
  // NORMAL in WAL mode keeps the database consistent across a crash; the last commits before a power
  // loss may roll back. The benchmark's SQLite reference uses the same setting.
  connection.pragma('synchronous = NORMAL');
  connection.pragma('foreign_keys = ON');
  // The server's is short: SQLite's busy handler sleeps synchronously, on the event loop, so a long one
  // would freeze every request while another process holds the write lock. Transactions that meet the
  // lock are run again after asynchronous pauses instead (directory-store.ts, retryTransactionsForMs).
  connection.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  // Without statistics SQLite prefers the index that matches ORDER BY and scans every user for
  // `externalId eq` (measured: 121 ms instead of 0.16 ms at 111k users). A bounded ANALYZE on open
  // (and periodically, see refreshSqliteStatistics) keeps the planner on the selective index.
  connection.pragma('analysis_limit = 1000');
  connection.pragma('optimize = 0x10002');
  // Unicode-aware case folding, identical to the in-memory evaluator's (SQLite's lower() is ASCII-only).
  connection.function('scim_fold', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  );
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
}
