import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A start-up secret (the bootstrap admin key, the first-account link) written once to a new file in
 * the data directory that only its owner can read (mode 0600, never overwritten): never into the
 * process output, which is collected, shipped and kept. Returns the file's path.
 */
export function writeOnceFile(dataDirectory: string, name: string, secret: string): string {
  const file = join(dataDirectory, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return file;
}
