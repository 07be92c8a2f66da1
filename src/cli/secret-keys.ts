import { linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  createSecretCipher,
  generateSecretKey,
  type SecretCipher,
} from '../directory/secrets/secret-cipher.js';
import { decodeSecretKey, type SecretKeySource } from './config.js';

export interface OpenedSecretKeys {
  readonly cipher: SecretCipher;
  /** Set when this call generated the key file: the banner says where it is. */
  readonly createdFile?: string;
  /** Things the operator should know (a key file others can read). */
  readonly warnings: readonly string[];
}

/**
 * The cipher for recoverable secrets, from the configured keys. A key file holds one base64 key per
 * line, the current key first, then older keys still accepted for reading; `#` lines are comments.
 * When no key is configured the file is generated (mode 0600) the first time; an explicitly named
 * file that is missing is an error, since a new key could not read what the old one encrypted.
 */
export function openSecretKeys(source: SecretKeySource): OpenedSecretKeys {
  if (source.kind === 'environment')
    return { cipher: createSecretCipher({ keys: source.keys }), warnings: [] };
  let createdFile: string | undefined;
  if (source.generated && !exists(source.path)) {
    if (createKeyFile(source.path, [generateSecretKey()])) createdFile = source.path;
  }
  const keys = readKeyFile(source.path);
  const warnings: string[] = [];
  // Windows has no mode bits worth checking.
  if (process.platform !== 'win32' && (statSync(source.path).mode & 0o077) !== 0) {
    warnings.push(`the secret key file ${source.path} is readable by others than its owner: chmod 600 it`);
  }
  return { cipher: createSecretCipher({ keys }), ...(createdFile ? { createdFile } : {}), warnings };
}

/** Puts a new current key at the top of the key file, keeping the others for reading; returns all keys. */
export function addKeyToFile(path: string): readonly Uint8Array[] {
  const keys = [generateSecretKey(), ...readKeyFile(path)];
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, keyFileText(keys), { mode: 0o600, flag: 'wx' });
  // Rename is atomic: a reader sees the old file or the new one, never half of it.
  renameSync(temporary, path);
  return keys;
}

export function readKeyFile(path: string): Uint8Array[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the secret key file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const keys: Uint8Array[] = [];
  text.split('\n').forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const key = decodeSecretKey(trimmed);
    if (!key) throw new Error(`${path} line ${index + 1} is not a base64 key of 32 bytes`);
    keys.push(key);
  });
  if (keys.length === 0) throw new Error(`the secret key file ${path} holds no key`);
  return keys;
}

function keyFileText(keys: readonly Uint8Array[]): string {
  return [
    '# Roster secret keys (docs/security.md): the first encrypts, every one decrypts. Keep it 0600; back it up.',
    ...keys.map((k) => Buffer.from(k).toString('base64')),
    '',
  ].join('\n');
}

/** Creates the file only if no one else did first (instances starting together keep one key). */
function createKeyFile(path: string, keys: readonly Uint8Array[]): boolean {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, keyFileText(keys), { mode: 0o600, flag: 'wx' });
  try {
    // link() is atomic and fails when the name exists: a reader never sees a half-written file.
    linkSync(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
