import type { EngineName } from '../options/parse-bench-options.js';

/** The fresh database one benchmark run gives Roster. */
export interface BenchDatabase {
  readonly engine: EngineName;
  /** What Roster gets as ROSTER_DATABASE_URL. */
  readonly url: string;
  /** The SQLite file, when the engine is SQLite (the storage references copy it). */
  readonly sqliteFile: string | undefined;
  /** Bytes the database occupies: file plus WAL on SQLite, pg_database_size on PostgreSQL. */
  sizeBytes(): Promise<number>;
  /** Removes the database (PostgreSQL: DROP DATABASE; SQLite: the file goes with the work directory). */
  dispose(): Promise<void>;
}
