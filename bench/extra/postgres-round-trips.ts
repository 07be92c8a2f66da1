import net from 'node:net';
import pg from 'pg';

type Query = (this: object, ...args: unknown[]) => unknown;

/**
 * Counts round trips to PostgreSQL: the times a connection is written a query while none of its
 * earlier queries is unanswered. A query written behind one still unanswered (node-postgres's pipeline
 * mode: BEGIN with the first statement, COMMIT with the event write) shares that one's trip. Patches
 * `pg.Client`, so it sees every connection made afterwards; `restore` undoes it.
 */
export function countPostgresRoundTrips(): {
  count(): number;
  /** Socket writes (system calls) since the last reset, on every TCP socket of the process. */
  writes(): number;
  reset(): void;
  restore(): void;
} {
  let trips = 0;
  let writes = 0;
  // A profile of a PostgreSQL write put a third of the server's CPU in these calls (issue 15).
  const socket = net.Socket.prototype as unknown as { _write: Query; _writev: Query };
  const write = socket._write;
  const writev = socket._writev;
  socket._write = function (this: object, ...args: unknown[]) {
    writes++;
    return write.apply(this, args);
  };
  socket._writev = function (this: object, ...args: unknown[]) {
    writes++;
    return writev.apply(this, args);
  };
  const unanswered = new WeakMap<object, number>();
  const prototype = pg.Client.prototype as unknown as { query: Query };
  const query = prototype.query;
  const trace = process.env.TRACE_STATEMENTS === '1';
  prototype.query = function (this: object, ...args: unknown[]) {
    const waiting = unanswered.get(this) ?? 0;
    if (waiting === 0) trips++;
    if (trace) console.log(`  pg${waiting === 0 ? ' (trip)' : ''}: ${sqlTextOf(args[0]).slice(0, 300)}`);
    unanswered.set(this, waiting + 1);
    const answered = () => unanswered.set(this, (unanswered.get(this) ?? 1) - 1);
    const result = query.apply(this, args);
    if (result instanceof Promise) result.then(answered, answered);
    else answered();
    return result;
  };
  return {
    count: () => trips,
    writes: () => writes,
    reset: () => {
      trips = 0;
      writes = 0;
    },
    restore: () => {
      prototype.query = query;
      socket._write = write;
      socket._writev = writev;
    },
  };
}

/** The SQL a `query` call sends, for tracing: a text, or a config object's `text`. */
function sqlTextOf(query: unknown): string {
  if (typeof query === 'string') return query;
  const text = (query as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text.replace(/\s+/g, ' ') : String(query);
}
