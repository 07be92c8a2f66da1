import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { BenchDatabase } from '../database/bench-database.js';
import { createIntegrationWithCli } from '../processes/roster-cli.js';
import { rosterEnvironment } from '../processes/roster-environment.js';
import { bulkSeed } from '../seed/bulk-seed.js';
import type { SeedPlan } from '../seed/seed-plan.js';
import { emptyDirectory } from '../seed/seeded-directory.js';

export interface ReferenceDatabase {
  readonly file: string;
  /** Directory user index → id in the reference database. */
  readonly userIds: readonly string[];
}

/**
 * The SQLite database the storage references use: the same schema, indexes and rows as Roster's.
 * On SQLite it is a copy of Roster's seeded file (VACUUM INTO, a read transaction that does not disturb
 * the running server); on PostgreSQL the same seed plan is written into a SQLite file by the same
 * bulk path, all users through the store.
 */
export async function referenceDatabase(
  roster: BenchDatabase,
  rosterUserIds: readonly string[],
  plan: SeedPlan,
  workDir: string,
  progress: (line: string) => void,
): Promise<ReferenceDatabase> {
  const file = join(workDir, 'reference.db');
  if (roster.sqliteFile !== undefined) {
    const db = new BetterSqlite3(roster.sqliteFile);
    try {
      db.prepare('VACUUM INTO ?').run(file);
    } finally {
      db.close();
    }
    return { file, userIds: rosterUserIds };
  }
  const url = `sqlite:${file}`;
  const integration = await createIntegrationWithCli(rosterEnvironment(url, 0));
  const directory = emptyDirectory();
  await bulkSeed(
    url,
    { organizationId: integration.organizationId, integrationId: integration.id },
    // The floors read and write SCIM rows only: no identities needed.
    { ...plan, bulkUsers: plan.users, apiUsers: 0, withIdentities: false },
    directory,
    progress,
  );
  return { file, userIds: directory.userIds };
}
