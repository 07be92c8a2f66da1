import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Makes sure a database file exists, readable by its owner only when this creates it (and its
 * directory, when Roster makes that): it holds people's names and addresses, token hashes and sealed
 * secrets, and the umask would leave it world-readable. SQLite gives the -wal and -shm files the
 * database file's mode. An existing file keeps the mode its operator chose.
 */
export function createPrivateFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // 'a' creates the file if missing and never truncates; the mode applies only when it is created.
  closeSync(openSync(file, 'a', 0o600));
}
