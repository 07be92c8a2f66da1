import type pg from 'pg';
import { isDeferrableWrite, markDeferredWriteFailure } from '../deferred-writes.js';

type QueryFunction = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/** What node-postgres answers for a statement without rows; Kysely reads `command` and `rowCount`. */
const answered = (command: string) => Promise.resolve({ command, rowCount: 0, rows: [] });

/**
 * Fewer round trips per write transaction, on a connection in node-postgres's pipeline mode (the pool's
 * `pipeline: true`: a query is written at once, even while earlier ones await their answers).
 *
 * - BEGIN is written and not awaited: it travels with the transaction's first statement, whose answer
 *   is awaited together with BEGIN's.
 * - A write registered as deferrable (deferred-writes.ts: an identity's source row, the event feed's
 *   counter and rows) is written and not awaited; the next statement or the COMMIT follows it on the
 *   wire. The event write is always the last before COMMIT, and there this matters beyond the round
 *   trip: it takes the organization's event counter row lock, which every writer of the organization
 *   waits for, and the lock used to be held from that statement's answer across the process's next turn
 *   (under load, behind other requests' work) until its COMMIT arrived. Now the server finds the COMMIT
 *   already waiting (figures in docs/events.md, `npm run bench:commits`).
 *
 * Errors keep their meaning: a statement sent ahead that fails is the error of the next awaited
 * statement of the transaction, or of the commit (PostgreSQL then answers the COMMIT with ROLLBACK, so
 * nothing of the transaction is kept), and the transaction is retried or refused as before: the error
 * keeps its SQLSTATE, and is marked so that the statement it surfaced at is not blamed for it (the
 * dialect's isUniqueViolation is false for it). A failure is never left unobserved. Outside a
 * transaction (no BEGIN seen) nothing is deferred.
 */
export function pipelineTransactionsOn(client: pg.PoolClient): void {
  const query = client.query.bind(client) as unknown as QueryFunction;
  let inTransaction = false;
  let unanswered: Promise<unknown>[] = [];

  const sendAhead = (text: string, values?: unknown) => {
    const answer = query(text, values) as Promise<unknown>;
    // Observed when the transaction next waits (answersSoFar); until then not an unhandled rejection.
    answer.catch(() => undefined);
    unanswered.push(answer);
  };

  /** Waits for the statements sent ahead; the first one that failed, if any. */
  const answersSoFar = async (): Promise<{ error: unknown } | undefined> => {
    const pending = unanswered;
    unanswered = [];
    for (const result of await Promise.allSettled(pending))
      if (result.status === 'rejected') return { error: result.reason };
    return undefined;
  };

  /** `answer` once the statements written before it are answered; their failure comes first. */
  const after = async (answer: Promise<unknown>): Promise<unknown> => {
    const failure = await answersSoFar();
    if (failure) {
      await answer.catch(() => undefined);
      markDeferredWriteFailure(failure.error);
      throw failure.error;
    }
    return answer;
  };

  const pipelined: QueryFunction = (config, values, callback) => {
    if (typeof config !== 'string' || callback !== undefined || typeof values === 'function')
      return query(config, values, callback);
    // Kysely's transaction statements, exactly as its PostgreSQL driver writes them.
    if (config === 'begin' && !inTransaction) {
      sendAhead(config, values);
      inTransaction = true;
      return answered('BEGIN');
    }
    if (config === 'commit' || config === 'rollback') {
      inTransaction = false;
      const answer = query(config, values) as Promise<unknown>;
      if (config === 'commit') return after(answer);
      // A rollback discards the transaction anyway: what was sent ahead only has to be answered first.
      return answersSoFar().then(() => answer);
    }
    if (inTransaction && isDeferrableWrite(config)) {
      sendAhead(config, values);
      return answered('INSERT');
    }
    const answer = query(config, values) as Promise<unknown>;
    return unanswered.length === 0 ? answer : after(answer);
  };
  (client as unknown as { query: QueryFunction }).query = pipelined;
}
