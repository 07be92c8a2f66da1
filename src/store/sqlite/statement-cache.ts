import type { Database as BetterSqlite3Database, Statement } from 'better-sqlite3';

/** A connection's prepared statements by SQL text. */
export interface CachedStatements {
  readonly connection: BetterSqlite3Database;
  prepare(sql: string): Statement;
  close(): void;
}

/**
 * Kysely prepares every query anew, and better-sqlite3 keeps every prepared statement's native memory
 * until the connection closes (measured: ~3 KB per `prepare`, so a server grew by hundreds of MB per
 * hundred thousand requests). Queries are parameterised, so their SQL texts repeat: preparing each text
 * once and reusing the statement makes memory flat and saves the parse. The cache is bounded; texts
 * come from a finite set of query shapes.
 */
export function withStatementCache(database: BetterSqlite3Database, capacity = 2000): CachedStatements {
  const statements = new Map<string, Statement>();
  return {
    connection: database,
    close: () => {
      statements.clear();
      database.close();
    },
    prepare(sql: string) {
      const cached = statements.get(sql);
      if (cached) {
        // Most recently used last, so eviction drops the least recently used.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > capacity) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      return statement;
    },
  };
}
