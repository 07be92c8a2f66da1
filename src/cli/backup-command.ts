import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { copySqliteDatabase, describeSqliteDatabase } from '../store/sqlite/copy-sqlite.js';
import type { Config } from './config.js';
import { openSecretKeys } from './secret-keys.js';
import { printJson } from './with-organization.js';

const POSTGRES =
  'On PostgreSQL, back up and restore with pg_dump and pg_restore (docs/deployment.md): Roster keeps nothing outside the database but its secret key.';

function sqliteFile(config: Config): string {
  if (config.database.engine !== 'sqlite') throw new Error(POSTGRES);
  return config.database.file;
}

/** The secret key must read what the backup holds: without it, its encrypted secrets are lost. */
function checkSecretsReadable(config: Config, sealed: readonly string[], file: string): void {
  const source = config.secretKeys;
  if (sealed.length > 0 && source.kind === 'file' && !existsSync(source.path)) {
    // Generating a key here would make a key that cannot read the backup.
    throw new Error(
      `no secret key file at ${source.path}, so the configured key cannot read the secrets in ${file}; copy the key file that went with the backup there (or set ROSTER_SECRET_KEY)`,
    );
  }
  const { cipher } = openSecretKeys(source);
  for (const value of sealed) {
    try {
      cipher.decrypt(value);
    } catch (error) {
      throw new Error(
        `the configured secret key cannot read the secrets in ${file} (${(error as Error).message}); restore the key file (or ROSTER_SECRET_KEY) that went with it`,
        { cause: error },
      );
    }
  }
}

/** `roster backup <file>` and `roster restore <file>` (SQLite; PostgreSQL uses pg_dump/pg_restore). */
export function addBackupCommands(program: Command, config: () => Config): void {
  program
    .command('backup')
    .description('Copy the SQLite database to <file>, consistently, while the server keeps serving')
    .argument('<file>', 'where to write the copy (must not exist)')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const settings = config();
      const source = sqliteFile(settings);
      if (existsSync(file)) throw new Error(`${file} exists already; choose a new file`);
      if (resolve(file) === resolve(source))
        throw new Error('the backup must be another file than the database');
      const copy = await copySqliteDatabase(source, file);
      const summary = { file, pages: copy.pages, users: copy.users, identities: copy.identities };
      if (options.json) return printJson(summary);
      console.log(
        `Backed up ${source} to ${file}: ${copy.users} users, ${copy.identities} identities (integrity ok).`,
      );
      if (settings.secretKeys.kind === 'file') {
        console.log(
          `Keep the secret key file ${settings.secretKeys.path} with it: the backup's secrets are encrypted with it.`,
        );
      }
    });

  program
    .command('restore')
    .description('Replace the SQLite database with a backup (stop every server on it first)')
    .argument('<file>', 'a file `roster backup` wrote')
    .option('--force', 'replace a database that exists')
    .option('--json', 'print JSON')
    .action(async (file: string, options: { force?: boolean; json?: boolean }) => {
      const settings = config();
      const target = sqliteFile(settings);
      const backup = describeSqliteDatabase(file);
      checkSecretsReadable(settings, backup.sealedSecrets, file);
      if (existsSync(target) && !options.force) {
        throw new Error(`${target} exists; stop every server on it and run again with --force to replace it`);
      }
      // The backup API writes through SQLite's own locking and journal, so the target never holds a
      // half-copied file, and a stale WAL of the old database cannot be replayed over it.
      const copy = await copySqliteDatabase(file, target);
      const summary = { file: target, pages: copy.pages, users: copy.users, identities: copy.identities };
      if (options.json) return printJson(summary);
      console.log(
        `Restored ${file} to ${target}: ${copy.users} users, ${copy.identities} identities (integrity ok).`,
      );
    });
}
