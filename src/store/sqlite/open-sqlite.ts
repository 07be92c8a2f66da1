import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Database } from '../database-schema.js';
import { createPrivateFile } from './create-private-file.js';
import { groupCommitDialect } from './group-commit-driver.js';
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
 * share the file. Two connections: the writer, whose transactions commit in groups, and (for a file) a
 * reader for statements outside transactions, which sees only committed data (group-commit-driver.ts).
 */
export function openSqlite(file: string, options: { busyTimeoutMs?: number } = {}): Kysely<Database> {
  if (file !== ':memory:') createPrivateFile(file);
  const writer = new BetterSqlite3(file);
  useWriteAheadLog(writer);
  configureConnection(writer, options);
  // Each transaction of a commit group runs in a savepoint, whose undo copies (the sub-journal) would
  // otherwise go to a temporary file: measured, that made every insert 2-4x slower. Only the writer:
  // the large sorts of list queries run on the reader connections and may still spill to disk.
  writer.pragma('temp_store = MEMORY');
  // Without statistics SQLite prefers the index that matches ORDER BY and scans every user for
  // `externalId eq` (measured: 121 ms instead of 0.16 ms at 111k users). A bounded ANALYZE on open
  // (and periodically, see refreshSqliteStatistics) keeps the planner on the selective index.
  writer.pragma('analysis_limit = 1000');
  writer.pragma('optimize = 0x10002');
  let reader: BetterSqlite3.Database | undefined;
  if (file !== ':memory:') {
    reader = new BetterSqlite3(file);
    configureConnection(reader, options);
    // It only ever runs statements SQLite calls read-only; this makes sure.
    reader.pragma('query_only = ON');
  }
  return new Kysely<Database>({
    dialect: groupCommitDialect(withStatementCache(writer), reader && withStatementCache(reader)),
  });
}

/**
 * The journal settings of the connection that writes (the benchmark's bare SQLite reference uses them
 * too, so the floor it measures writes the way Roster does).
 */
export function useWriteAheadLog(connection: BetterSqlite3.Database): void {
  connection.pragma('journal_mode = WAL');
  // NORMAL in WAL mode keeps the database consistent across a crash; the last commits before a power
  // loss may roll back. The benchmark's SQLite reference uses the same setting.
  connection.pragma('synchronous = NORMAL');
  // SQLite checkpoints the WAL back into the database, with two fsyncs, on the commit that takes it past
  // this many pages (default 1,000, 4 MB). Every SCIM request adds a provisioning-log row and most
  // writes touch index pages spread over the file, so at 1,000 the writer checkpointed several times a
  // second: 9-12% of the server's CPU in a `perf record` of GET and PATCH under load. At 4,000 (16 MB) a
  // PATCH costs 12-15% less server CPU (15,000 PATCHes on a copy of a 10k-user bench database, alternating
  // builds: 355-401 -> 309-334 µs); 10,000 and 30,000 pages measured no better; creates and GETs did not
  // move. (Issue 15.)
  connection.pragma('wal_autocheckpoint = 4000');
  // A WAL that grew while a long read held back checkpoints is cut back to this once checkpointed.
  connection.pragma('journal_size_limit = 67108864');
}

function configureConnection(connection: BetterSqlite3.Database, options: { busyTimeoutMs?: number }): void {
  connection.pragma('foreign_keys = ON');
  // The server's is short: SQLite's busy handler sleeps synchronously, on the event loop, so a long one
  // would freeze every request while another process holds the write lock. Transactions that meet the
  // lock are run again after asynchronous pauses instead (directory-store.ts, retryTransactionsForMs).
  connection.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  // Unicode-aware case folding, identical to the in-memory evaluator's (SQLite's lower() is ASCII-only).
  connection.function('scim_fold', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.toLowerCase() : value,
  );
}
