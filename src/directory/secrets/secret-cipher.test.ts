import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSecretCipher,
  generateSecretKey,
  isSealed,
  SecretCipherError,
  secretKeyId,
} from './secret-cipher.js';
import { openStoredSecret } from './sealed-secret.js';

const codeOf = (work: () => unknown): string | undefined => {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof SecretCipherError ? error.code : `not a SecretCipherError: ${String(error)}`;
  }
};

describe('the secret cipher', () => {
  it('gives back any text it sealed, and the sealed text contains none of it', () => {
    const cipher = createSecretCipher({ keys: [generateSecretKey()] });
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 4 }), (plain) => {
        const stored = cipher.encrypt(plain);
        expect(isSealed(stored)).toBe(true);
        expect(stored).not.toContain(plain);
        expect(cipher.decrypt(stored)).toBe(plain);
      }),
    );
  });

  it('seals the same text differently each time (a fresh IV), in the versioned format naming its key', () => {
    const key = generateSecretKey();
    const cipher = createSecretCipher({ keys: [key] });
    const a = cipher.encrypt('whsec_same');
    const b = cipher.encrypt('whsec_same');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^rsec1\.[0-9a-f]{12}\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(a.split('.')[1]).toBe(secretKeyId(key));
    expect(cipher.currentKeyId).toBe(secretKeyId(key));
  });

  it('reads values sealed under an older key after a rotation, and says they need sealing again', () => {
    const old = generateSecretKey();
    const before = createSecretCipher({ keys: [old] }).encrypt('cursor key');
    const after = createSecretCipher({ keys: [generateSecretKey(), old] });
    expect(after.decrypt(before)).toBe('cursor key');
    expect(after.isCurrent(before)).toBe(false);
    const { plain, resealed } = openStoredSecret(after, before);
    expect(plain).toBe('cursor key');
    expect(resealed && after.isCurrent(resealed)).toBe(true);
    expect(openStoredSecret(after, resealed!).resealed).toBeUndefined();
  });

  it('refuses a value sealed under a key no longer configured, naming the key id but never a key', () => {
    const old = generateSecretKey();
    const stored = createSecretCipher({ keys: [old] }).encrypt('x');
    const current = generateSecretKey();
    const cipher = createSecretCipher({ keys: [current] });
    expect(codeOf(() => cipher.decrypt(stored))).toBe('unknown_key');
    try {
      cipher.decrypt(stored);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain(secretKeyId(old));
      expect(message).not.toContain(Buffer.from(current).toString('base64'));
    }
  });

  it('detects any change to the sealed text, its key id or its version', () => {
    const key = generateSecretKey();
    const cipher = createSecretCipher({ keys: [key, generateSecretKey()] });
    const stored = cipher.encrypt('a secret long enough to flip bytes in');
    const parts = stored.split('.');
    const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
    for (const index of [2, 3, 4]) {
      const changed = parts.map((p, i) => (i === index ? flip(p) : p)).join('.');
      expect(
        codeOf(() => cipher.decrypt(changed)),
        `part ${index}`,
      ).toBe('tampered');
    }
    expect(codeOf(() => cipher.decrypt(stored.replace('rsec1.', 'rsec2.')))).toBe('not_sealed');
    expect(codeOf(() => cipher.decrypt('plain text'))).toBe('not_sealed');
  });

  it('takes plain text from before encryption as it is, and seals it', () => {
    const cipher = createSecretCipher({ keys: [generateSecretKey()] });
    const { plain, resealed } = openStoredSecret(cipher, 'bGVnYWN5IGtleQ==');
    expect(plain).toBe('bGVnYWN5IGtleQ==');
    expect(cipher.decrypt(resealed!)).toBe('bGVnYWN5IGtleQ==');
  });

  it('accepts only 32-byte keys', () => {
    expect(() => createSecretCipher({ keys: [] })).toThrow(/at least one key/);
    expect(() => createSecretCipher({ keys: [new Uint8Array(16)] })).toThrow(/32 bytes/);
  });
});
