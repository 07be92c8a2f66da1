import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../database-schema.js';

export interface PostgresOptions {
  readonly url: string;
  readonly poolSize: number;
  readonly statementTimeoutMs: number;
  /** A schema to use instead of `public` (tests give each run its own). */
  readonly schema?: string;
  readonly onPoolError?: (error: Error) => void;
}

/**
 * A pooled connection to PostgreSQL. Every connection gets a statement timeout, so one runaway query
 * cannot hold a connection for ever, and UTC, so timestamps never depend on the server's zone.
 */
export function openPostgres(options: PostgresOptions): Kysely<Database> {
  const settings = [`-c statement_timeout=${options.statementTimeoutMs}`, '-c TimeZone=UTC'];
  if (options.schema) settings.push(`-c search_path=${options.schema}`);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    options: settings.join(' '),
    application_name: 'roster',
  });
  // An idle client losing its connection must not crash the process; the next checkout reconnects.
  pool.on('error', (error) => options.onPoolError?.(error));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
