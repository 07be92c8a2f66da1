import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchDatabase } from './bench-database.js';

export function sqliteBenchDatabase(workDir: string): BenchDatabase {
  const file = join(workDir, 'roster.db');
  return {
    engine: 'sqlite',
    url: `sqlite:${file}`,
    sqliteFile: file,
    sizeBytes: () => sqliteFileBytes(file),
    dispose: async () => undefined,
  };
}

/** The database file plus its WAL (what the database occupies on disk right now). */
export async function sqliteFileBytes(file: string): Promise<number> {
  let total = 0;
  for (const suffix of ['', '-wal']) {
    try {
      total += (await stat(file + suffix)).size;
    } catch {
      // no WAL yet
    }
  }
  return total;
}
