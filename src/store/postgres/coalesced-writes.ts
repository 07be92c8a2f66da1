import type pg from 'pg';
import type { Duplex } from 'node:stream';

type QueryFunction = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/**
 * One socket write per connection for the statements sent in one go, however many they are.
 * node-postgres writes each query as soon as it is submitted (pipeline mode: even while earlier ones
 * await their answers), one `writev` system call each; a profile of `POST /Users` on PostgreSQL put a
 * third of the server's CPU in those calls (issue 15: BEGIN, the statements sent ahead and COMMIT were
 * one write each). The socket stays corked until `process.nextTick`: a statement is usually sent from a
 * promise continuation, and ticks queued there run only once the whole chain of continuations has
 * drained, so BEGIN and the first statement, or a deferred write and the COMMIT that follows it, leave
 * together, without waiting for anything else. (Waiting for the event loop's check phase instead,
 * `setImmediate`, batched more but cost more CPU per request in the bench: create 2.66 → 3.62 ms.)
 */
export function coalesceWritesOn(client: pg.PoolClient): void {
  const stream = (client as unknown as { connection?: { stream?: Duplex } }).connection?.stream;
  if (!stream || typeof stream.cork !== 'function') return;
  const query = client.query.bind(client) as unknown as QueryFunction;
  let corked = false;
  const flush = () => {
    corked = false;
    stream.uncork();
  };
  const coalesced: QueryFunction = (config, values, callback) => {
    if (!corked) {
      corked = true;
      stream.cork();
      process.nextTick(flush);
    }
    return query(config, values, callback);
  };
  (client as unknown as { query: QueryFunction }).query = coalesced;
}
