import pg from 'pg';

type Query = (this: object, ...args: unknown[]) => unknown;

/**
 * Counts round trips to PostgreSQL: the times a connection is written a query while none of its
 * earlier queries is unanswered. A query written behind one still unanswered (node-postgres's pipeline
 * mode: BEGIN with the first statement, COMMIT with the event write) shares that one's trip. Patches
 * `pg.Client`, so it sees every connection made afterwards; `restore` undoes it.
 */
export function countPostgresRoundTrips(): { count(): number; reset(): void; restore(): void } {
  let trips = 0;
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
    reset: () => {
      trips = 0;
    },
    restore: () => {
      prototype.query = query;
    },
  };
}

/** The SQL a `query` call sends, for tracing: a text, or a config object's `text`. */
function sqlTextOf(query: unknown): string {
  if (typeof query === 'string') return query;
  const text = (query as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text.replace(/\s+/g, ' ') : String(query);
}
