/**
 * Encryption at rest for secrets Roster must be able to read back (the cursor-signing key; webhook
 * `whsec_` secrets and SET signing keys). Secrets that only need comparing (SCIM tokens, admin keys)
 * stay hashed and never come here.
 *
 * Usage:
 *   const cipher = createSecretCipher({ keys: [currentKey, ...previousKeys] }); // 32-byte keys
 *   const stored = cipher.encrypt('whsec_...');   // 'rsec1.<key id>.<iv>.<ciphertext>.<tag>'
 *   const plain = cipher.decrypt(stored);         // any configured key can read; only the first writes
 *   if (!cipher.isCurrent(stored)) { ...store cipher.encrypt(plain) again... }  // after a rotation
 *
 * The composition root builds the cipher from ROSTER_SECRET_KEY / ROSTER_SECRET_KEY_FILE
 * (src/cli/secret-keys.ts); use cases receive it, never the keys. docs/security.md has the rotation.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface SecretCipher {
  /** AES-256-GCM under the current key, a fresh 96-bit IV each time (NIST SP 800-38D §8.2). */
  encrypt(plain: string): string;
  /** The plain text of a value `encrypt` made under any configured key; throws SecretCipherError otherwise. */
  decrypt(stored: string): string;
  /** Whether `stored` is sealed under the current key (false: re-encrypt it after a rotation). */
  isCurrent(stored: string): boolean;
  /** The id of the key `encrypt` uses (shown to operators; never the key). */
  readonly currentKeyId: string;
}

export interface SecretCipherConfig {
  /** The current key first, then older keys still accepted for reading. Each exactly 32 bytes. */
  readonly keys: readonly Uint8Array[];
}

/** Why a stored value could not be read: not our format, a key no longer configured, or tampering. */
export class SecretCipherError extends Error {
  readonly code: 'not_sealed' | 'unknown_key' | 'tampered';

  constructor(code: SecretCipherError['code'], message: string) {
    super(message);
    this.name = 'SecretCipherError';
    this.code = code;
  }
}

// Version 1 of the format. A later version gets a new prefix; readers keep accepting the old ones.
const PREFIX = 'rsec1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A key's public name: derived from the key, so an operator never has to name keys and ids cannot clash. */
export function secretKeyId(key: Uint8Array): string {
  return createHash('sha256').update('roster secret key id\0').update(key).digest('hex').slice(0, 12);
}

/** 32 random bytes: a new key (`roster secrets rotate`, the generated key file). */
export function generateSecretKey(): Uint8Array {
  return randomBytes(KEY_BYTES);
}

/** Whether a stored value is in the sealed format at all (rows written before encryption are not). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(`${PREFIX}.`);
}

export function createSecretCipher(config: SecretCipherConfig): SecretCipher {
  const [current, ...older] = config.keys;
  if (!current) throw new Error('a secret cipher needs at least one key');
  const keys = new Map<string, Uint8Array>();
  for (const key of [current, ...older]) {
    if (key.length !== KEY_BYTES)
      throw new Error(`a secret key must be ${KEY_BYTES} bytes; got ${key.length}`);
    const id = secretKeyId(key);
    if (!keys.has(id)) keys.set(id, Uint8Array.from(key));
  }
  const currentKeyId = secretKeyId(current);
  const currentKey = keys.get(currentKeyId)!;

  const parse = (stored: string) => {
    const parts = stored.split('.');
    if (parts.length !== 5 || parts[0] !== PREFIX) {
      throw new SecretCipherError('not_sealed', 'the stored value is not an encrypted secret');
    }
    const [, keyId, iv, body, tag] = parts as [string, string, string, string, string];
    return { keyId, iv, body, tag };
  };

  return {
    currentKeyId,
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', currentKey, iv);
      // The header is authenticated data: a value cannot be relabelled to another key id or version.
      cipher.setAAD(Buffer.from(`${PREFIX}.${currentKeyId}`));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        PREFIX,
        currentKeyId,
        iv.toString('base64url'),
        body.toString('base64url'),
        tag.toString('base64url'),
      ].join('.');
    },
    decrypt(stored) {
      const { keyId, iv, body, tag } = parse(stored);
      const key = keys.get(keyId);
      if (!key) {
        throw new SecretCipherError(
          'unknown_key',
          `a secret is encrypted with key ${keyId}, which is not configured (keys: ${[...keys.keys()].join(', ')}); add it to ROSTER_SECRET_KEY_PREVIOUS or the key file`,
        );
      }
      const ivBytes = Buffer.from(iv, 'base64url');
      const tagBytes = Buffer.from(tag, 'base64url');
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
        throw new SecretCipherError('tampered', `a secret encrypted with key ${keyId} is malformed`);
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(`${PREFIX}.${keyId}`));
        decipher.setAuthTag(tagBytes);
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new SecretCipherError(
          'tampered',
          `a secret encrypted with key ${keyId} fails its integrity check`,
        );
      }
    },
    isCurrent(stored) {
      return isSealed(stored) && parse(stored).keyId === currentKeyId;
    },
  };
}
