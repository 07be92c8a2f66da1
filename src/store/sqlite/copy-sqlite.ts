import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { createPrivateFile } from './create-private-file.js';

export interface SqliteCopy {
  readonly pages: number;
  /** Sealed values of installation_secrets in the copy, for the caller to check it can read them. */
  readonly sealedSecrets: readonly string[];
  /** Live SCIM users and identities in the copy (one consistent snapshot). */
  readonly users: number;
  readonly identities: number;
}

/**
 * Copies a SQLite database with SQLite's online backup API (through better-sqlite3): page by page, in
 * one consistent snapshot of the source, while a server keeps reading and writing it. The copy is then
 * checked (`integrity_check`) and described.
 */
export async function copySqliteDatabase(source: string, destination: string): Promise<SqliteCopy> {
  if (!existsSync(source)) throw new Error(`no SQLite database at ${source}`);
  createPrivateFile(destination);
  const connection = new BetterSqlite3(source, { fileMustExist: true });
  let pages: number;
  try {
    connection.pragma('busy_timeout = 5000');
    pages = (await connection.backup(destination)).totalPages;
  } finally {
    connection.close();
  }
  return { pages, ...describeSqliteDatabase(destination) };
}

/** Checks a copy's integrity and that it is a Roster database; what it holds. */
export function describeSqliteDatabase(file: string): Omit<SqliteCopy, 'pages'> {
  const copy = new BetterSqlite3(file, { fileMustExist: true, readonly: true });
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`${file} fails SQLite's integrity check: ${String(integrity)}`);
    const isRoster = copy
      .prepare(
        "select count(*) as n from sqlite_master where type = 'table' and name in ('integrations', 'installation_secrets')",
      )
      .get() as { n: number };
    if (isRoster.n !== 2) throw new Error(`${file} is not a Roster database`);
    const sealedSecrets = (
      copy.prepare("select value from installation_secrets where value like 'rsec1.%'").all() as {
        value: string;
      }[]
    ).map((r) => r.value);
    const users = copy
      .prepare("select count(*) as n from scim_resources where resource_type = 'User' and deleted_at is null")
      .get() as { n: number };
    const identities = copy.prepare('select count(*) as n from identity_sources').get() as { n: number };
    return { sealedSecrets, users: users.n, identities: identities.n };
  } finally {
    copy.close();
  }
}
