import { createHash } from 'node:crypto';
import type pg from 'pg';
import { errorCode } from '../dialect.js';
import { isCompiledOnce } from '../prepared-query.js';

/**
 * The statements Roster compiles once (prepared-query.ts) are also prepared once per PostgreSQL
 * connection, as named statements: the server then parses and plans each of them once per connection
 * instead of on every request (issue 15; measured 0.2 ms of planning for a one-row lookup and 1.5 ms
 * for the identity sync's read on every run). Only those texts are named — a fixed, small set — so
 * ad-hoc statements (filters) never pile up on the server.
 *
 * A migration that changes a table under a prepared `select *` makes PostgreSQL refuse the old plan
 * ("cached plan must not change result type"): every name then gets a new generation, so the next run
 * prepares afresh, and the failed request is answered 503 (transient) for the client to retry.
 */
let generation = 0;
const stems = new Map<string, string>();

function nameOf(text: string): string {
  let stem = stems.get(text);
  if (stem === undefined) {
    stem = `roster_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    stems.set(text, stem);
  }
  return `${stem}_${generation}`;
}

/** True for the error PostgreSQL gives when a prepared statement's result columns changed under it. */
export function isStalePreparedStatement(error: unknown): boolean {
  return (
    errorCode(error) === '0A000' &&
    error instanceof Error &&
    error.message.includes('cached plan must not change result type')
  );
}

type QueryFunction = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/** Makes this connection run the compiled-once statements as named (server-prepared) statements. */
export function prepareCompiledStatementsOn(client: pg.PoolClient): void {
  const query = client.query.bind(client) as unknown as QueryFunction;
  const named: QueryFunction = (config, values, callback) => {
    if (
      typeof config !== 'string' ||
      !Array.isArray(values) ||
      callback !== undefined ||
      !isCompiledOnce(config)
    )
      return query(config, values, callback);
    return (query({ name: nameOf(config), text: config, values }) as Promise<unknown>).catch(
      (error: unknown) => {
        if (isStalePreparedStatement(error)) generation++;
        throw error;
      },
    );
  };
  (client as unknown as { query: QueryFunction }).query = named;
}
