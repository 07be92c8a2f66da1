import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { PoolUsage } from '../../directory/ports/directory-store.js';
import type { Database } from '../database-schema.js';
import { coalesceWritesOn } from './coalesced-writes.js';
import { pipelineTransactionsOn } from './pipelined-transactions.js';
import { prepareCompiledStatementsOn } from './server-prepared-statements.js';

export interface PostgresOptions {
  readonly url: string;
  readonly poolSize: number;
  readonly statementTimeoutMs: number;
  /** How long a new connection may take before the checkout fails (default 5 s). */
  readonly connectTimeoutMs?: number;
  /** A schema to use instead of `public` (tests give each run its own). */
  readonly schema?: string;
  readonly onPoolError?: (error: Error) => void;
}

/**
 * A pooled connection to PostgreSQL. A broken connection is dropped by the pool and the next checkout
 * connects again, so Roster reconnects by itself when the server comes back. Every connection gets a statement timeout, so one runaway query
 * cannot hold a connection for ever, and UTC, so timestamps never depend on the server's zone.
 */
export function openPostgres(options: PostgresOptions): Kysely<Database> {
  return openPostgresPool(options).db;
}

/** As openPostgres, with the pool's usage for the metrics: connections checked out, and checkouts waiting. */
export function openPostgresPool(options: PostgresOptions): {
  readonly db: Kysely<Database>;
  readonly usage: () => PoolUsage;
} {
  const settings = [`-c statement_timeout=${options.statementTimeoutMs}`, '-c TimeZone=UTC'];
  if (options.schema) settings.push(`-c search_path=${options.schema}`);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    options: settings.join(' '),
    application_name: 'roster',
    // A server that is gone must fail requests within a bound, not hang them: the connect timeout
    // bounds a checkout, the client-side query timeout (the statement timeout plus a margin, for a
    // server that can no longer enforce its own) bounds a query, and keep-alive notices a dead peer.
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    query_timeout: options.statementTimeoutMs + 2000,
    keepAlive: true,
    // A query is written at once, even while earlier ones await their answers: a transaction's BEGIN
    // travels with its first statement, and a deferrable write with the statement or COMMIT after it
    // (pipelined-transactions.ts).
    pipeline: true,
  });
  // An idle client losing its connection must not crash the process; the next checkout reconnects.
  pool.on('error', (error) => options.onPoolError?.(error));
  // Nor may a checked-out one: the pool listens only to idle clients, and a client's 'error' event
  // without a listener kills the process (found by cutting the connection under load). The query in
  // flight fails on its own (503); the broken client is not queryable, so the pool discards it on release.
  pool.on('connect', (client) => {
    client.on('error', (error) => options.onPoolError?.(error));
    // Innermost: every statement the wrappers below send goes through it.
    coalesceWritesOn(client);
    prepareCompiledStatementsOn(client);
    pipelineTransactionsOn(client);
  });
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    usage: () => ({
      size: options.poolSize,
      inUse: pool.totalCount - pool.idleCount,
      waiting: pool.waitingCount,
    }),
  };
}
