import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { Database } from '../database-schema.js';

interface Pending {
  resolve(rows: unknown[]): void;
  reject(error: Error): void;
}

/**
 * Queries that make SQLite test every resource (a scanning filter, core/filter/filter-cost.ts) run here,
 * on a worker thread with its own read-only connection, so they never block the event loop that every
 * other request needs (issue 14). WAL lets it read the committed state while the main connection
 * writes. Everything else (the SCIM hot path: indexed lookups and writes) stays on the main connection:
 * a thread hop per request would cost more than those queries do.
 */
export function openSqliteReader(file: string): Kysely<Database> {
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new WorkerDriver(file),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}

class WorkerDriver implements Driver, DatabaseConnection {
  private readonly file: string;
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private destroyed = false;

  constructor(file: string) {
    this.file = file;
  }

  async init(): Promise<void> {
    const self = fileURLToPath(import.meta.url);
    // The worker sits beside this module: .ts under the test runner, .js in dist.
    const entry = new URL(`./sqlite-read-worker${extname(self)}`, import.meta.url);
    const worker = new Worker(entry, { workerData: { file: this.file } });
    worker.unref();
    worker.on(
      'message',
      (message: { id: number; rows?: unknown[]; error?: { message: string; code?: string } }) => {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        if (message.error) {
          waiting.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
        } else {
          waiting.resolve(message.rows ?? []);
        }
      },
    );
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => this.failAll(new Error('The SQLite reader thread stopped.')));
    this.worker = worker;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return this;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (this.destroyed) throw new Error('The SQLite reader is closed.');
    // A thread that stopped (it should not) is started again rather than failing every later query.
    if (!this.worker) await this.init();
    const worker = this.worker!;
    const id = this.nextId++;
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, sql: compiled.sql, parameters: compiled.parameters });
    }).finally(() => {
      if (this.pending.size === 0) worker.unref();
    });
    return { rows: rows as R[] };
  }

  // eslint-disable-next-line require-yield -- the reader answers whole results only
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('The SQLite reader does not stream.');
  }

  async beginTransaction(): Promise<void> {
    throw new Error('The SQLite reader runs no transactions.');
  }

  async commitTransaction(): Promise<void> {
    throw new Error('The SQLite reader runs no transactions.');
  }

  async rollbackTransaction(): Promise<void> {
    throw new Error('The SQLite reader runs no transactions.');
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    this.destroyed = true;
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    this.worker = undefined;
  }
}
