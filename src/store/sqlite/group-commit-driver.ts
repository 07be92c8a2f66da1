import type { Database as BetterSqlite3Database } from 'better-sqlite3';
import {
  type CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import type { CachedStatements } from './statement-cache.js';

/**
 * Group commit for SQLite: the transactions that finish in one turn of the event loop commit together.
 *
 * A commit costs what it writes to the WAL: every page the transaction changed, two write calls each
 * (measured, issue 15: a SCIM create changes 39 pages, and its COMMIT was a third of its CPU). Pages
 * that consecutive transactions share (the right edge of every time-ordered index, the event counter,
 * the tables' interior pages) are written once per group instead of once per transaction: in a replay of
 * 2,000 creates, 4 transactions per commit wrote 16 pages each instead of 39.
 *
 * How: the first transaction of a group opens `BEGIN IMMEDIATE`; each transaction runs inside its own
 * SAVEPOINT, one at a time (the writer lock). A transaction that fails rolls back to its savepoint and
 * leaves the others' work alone. One that succeeds releases its savepoint and the writer lock, then
 * waits: its caller hears "committed" only when the group's COMMIT has returned, so nothing
 * acknowledged can be lost (the same durability as one commit per transaction). The COMMIT runs from a
 * `setImmediate` scheduled when the group opened, after the requests that arrived in the same turn
 * have run their transactions; a group also commits at once when it reaches MAX_GROUP.
 *
 * While a group is open, reads outside a transaction run on a second connection, which sees only
 * committed data (WAL snapshots): no request can observe a transaction of the group that has not
 * committed yet. Writes outside a transaction commit the open group first, then run on their own. A failure that ends the
 * whole SQLite transaction (disk full, I/O error) fails every transaction of the group; none of them
 * was acknowledged.
 */
const MAX_GROUP = 64;

const MEMBER_SAVEPOINT = 'roster_member';

/** Statements that open or end transactions are "read-only" to SQLite (sqlite3_stmt_readonly). */
const TRANSACTION_CONTROL = /^\s*(begin|commit|end|rollback|savepoint|release)\b/i;

interface Group {
  readonly committed: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
  members: number;
  /** Set once the group is committed, rolled back or failed: nothing more joins it. */
  done: boolean;
}

function newGroup(): Group {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const committed = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Every member awaits it; a failed group whose members all rolled back has no listener.
  committed.catch(() => {});
  return { committed, resolve, reject, members: 0, done: false };
}

/** A FIFO lock: one transaction on the writer at a time (what Kysely's mutex did for the connection). */
class WriterLock {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}

function run(statements: CachedStatements, query: CompiledQuery): QueryResult<unknown> {
  const statement = statements.prepare(query.sql);
  const parameters = query.parameters as unknown[];
  if (statement.reader) return { rows: statement.all(parameters) };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return {
    insertId: BigInt(lastInsertRowid),
    numAffectedRows: BigInt(changes),
    rows: [],
  };
}

interface Member {
  readonly group: Group;
  readonly savepoint: string;
}

/**
 * One use of the writer, from Kysely's acquireConnection to its releaseConnection: a statement, a
 * transaction, or a `db.connection()` block (the migrator's). It holds the writer lock throughout, as
 * Kysely's own SQLite driver does, except that a committed member lets go before it waits for its group.
 */
class Lease implements DatabaseConnection {
  member: Member | undefined;
  #holdsLock = true;
  readonly #committer: GroupCommitter;

  constructor(committer: GroupCommitter) {
    this.#committer = committer;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = this.member
      ? this.#committer.inTransaction(this.member, query)
      : this.#committer.outside(query);
    return result as QueryResult<R>;
  }

  // eslint-disable-next-line require-yield -- Roster never streams from SQLite; Kysely's interface needs it.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported on SQLite.');
  }

  releaseLock(): void {
    if (!this.#holdsLock) return;
    this.#holdsLock = false;
    this.#committer.lock.release();
  }
}

export class GroupCommitter {
  readonly lock = new WriterLock();
  readonly #writer: CachedStatements;
  readonly #writerConnection: BetterSqlite3Database;
  readonly #reader: CachedStatements | undefined;
  #group: Group | undefined;

  constructor(writer: CachedStatements, reader: CachedStatements | undefined) {
    this.#writer = writer;
    this.#writerConnection = writer.connection;
    this.#reader = reader;
  }

  async lease(): Promise<Lease> {
    await this.lock.acquire();
    return new Lease(this);
  }

  /** Called with the lease's lock held. */
  begin(): Member {
    let group = this.#group;
    if (!group) {
      // IMMEDIATE: the write lock is taken here, once per group, so a later member cannot meet
      // another process's lock half-way (SQLITE_BUSY here is retried by the store, nothing done yet).
      this.#exec('begin immediate');
      const opened = newGroup();
      group = opened;
      this.#group = opened;
      setImmediate(() => void this.#commitWhenFree(opened));
    }
    // One name for every member: members run one at a time (the writer lock) and each releases its
    // savepoint before letting go, so the name is never ambiguous; and a fixed text is prepared once
    // (a numbered name was two fresh prepares per write transaction; without them PATCH and member add
    // measured 5-15% less server CPU per request in the bench, issue 15).
    const savepoint = MEMBER_SAVEPOINT;
    this.#exec(`savepoint ${savepoint}`);
    group.members++;
    return { group, savepoint };
  }

  /** A statement of a member's transaction. A failure that ended SQLite's transaction fails the group. */
  inTransaction(member: Member, query: CompiledQuery): QueryResult<unknown> {
    try {
      return run(this.#writer, query);
    } catch (error) {
      if (!this.#writerConnection.inTransaction && !member.group.done) this.#fail(member.group, error);
      throw error;
    }
  }

  /** Called with the lease's lock held; lets go of it, then waits for the group's COMMIT. */
  async commit(lease: Lease, member: Member): Promise<void> {
    try {
      // A group that failed while this member ran has ended SQLite's transaction: its error is the
      // member's (awaited below).
      if (!member.group.done) {
        try {
          this.#exec(`release ${member.savepoint}`);
        } catch (error) {
          this.#rollBackMember(member, error);
          throw error;
        }
        if (member.group.members >= MAX_GROUP) this.#commitNow(member.group);
      }
    } finally {
      lease.releaseLock();
    }
    await member.group.committed;
  }

  /** Called with the lease's lock held. */
  rollback(member: Member): void {
    this.#rollBackMember(member, undefined);
  }

  /** A statement outside any transaction, with the lease's lock held. */
  outside(query: CompiledQuery): QueryResult<unknown> {
    const reader = this.#reader;
    // Only while a group is open: it holds writes that are not committed yet. Otherwise the writer
    // answers, whose page cache stays warm (a connection drops its cache whenever another one has
    // committed, so a reader used after every commit re-reads its pages: measured, the IdP mix of
    // filter then PATCH took 60% more CPU that way). The writer is also in a transaction after a
    // `begin` sent as SQL (a migration): the statements up to its commit must run there.
    if (
      reader &&
      this.#group !== undefined &&
      !TRANSACTION_CONTROL.test(query.sql) &&
      this.#writer.prepare(query.sql).readonly
    ) {
      return run(reader, query);
    }
    // A write (or, without a reader, any statement) sees and is seen only after the group commits.
    // (Synchronous: its members hear the outcome; this statement runs either way.)
    if (this.#group) this.#commitNow(this.#group);
    return run(this.#writer, query);
  }

  /** Commits the open group, if any (before the connections close). */
  async flush(): Promise<void> {
    await this.lock.acquire();
    try {
      if (this.#group) this.#commitNow(this.#group);
    } finally {
      this.lock.release();
    }
  }

  async #commitWhenFree(group: Group): Promise<void> {
    if (group.done) return;
    await this.lock.acquire();
    try {
      if (!group.done) this.#commitNow(group);
    } finally {
      this.lock.release();
    }
  }

  #commitNow(group: Group): void {
    this.#close(group);
    try {
      this.#exec('commit');
      group.resolve();
    } catch (error) {
      if (this.#writerConnection.inTransaction) this.#exec('rollback');
      group.reject(error);
    }
  }

  #rollBackMember(member: Member, cause: unknown): void {
    const group = member.group;
    if (group.done) return;
    if (!this.#writerConnection.inTransaction) {
      this.#fail(group, cause ?? new Error('The SQLite transaction ended before its group committed.'));
      return;
    }
    try {
      this.#exec(`rollback to ${member.savepoint}`);
      this.#exec(`release ${member.savepoint}`);
    } catch (error) {
      if (this.#writerConnection.inTransaction) this.#exec('rollback');
      this.#fail(group, error);
    }
  }

  #fail(group: Group, error: unknown): void {
    this.#close(group);
    group.reject(error);
  }

  /** Nothing more joins the group; the next transaction opens a new one. */
  #close(group: Group): void {
    group.done = true;
    if (this.#group === group) this.#group = undefined;
  }

  #exec(sql: string): void {
    this.#writer.prepare(sql).run();
  }
}

class GroupCommitDriver implements Driver {
  readonly #committer: GroupCommitter;
  readonly #close: () => void;

  constructor(committer: GroupCommitter, close: () => void) {
    this.#committer = committer;
    this.#close = close;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#committer.lease();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    lease.member = this.#committer.begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    const member = lease.member;
    lease.member = undefined;
    if (member) await this.#committer.commit(lease, member);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    const member = lease.member;
    lease.member = undefined;
    if (member) this.#committer.rollback(member);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as Lease).releaseLock();
  }

  async destroy(): Promise<void> {
    await this.#committer.flush();
    this.#close();
  }
}

/** Kysely's SQLite adapter, minus its one-connection mutex: the committer orders the writer itself. */
class GroupCommitAdapter extends SqliteAdapter {
  override get supportsMultipleConnections(): boolean {
    return true;
  }
}

/** Kysely's SQLite dialect on a writer connection with group commit and, for files, a reader connection. */
export function groupCommitDialect(writer: CachedStatements, reader: CachedStatements | undefined): Dialect {
  const committer = new GroupCommitter(writer, reader);
  return {
    createDriver: (): Driver =>
      new GroupCommitDriver(committer, () => {
        reader?.close();
        writer.close();
      }),
    createQueryCompiler: (): QueryCompiler => new SqliteQueryCompiler(),
    createAdapter: (): DialectAdapter => new GroupCommitAdapter(),
    createIntrospector: (db: Kysely<unknown>): DatabaseIntrospector => new SqliteIntrospector(db),
  };
}
