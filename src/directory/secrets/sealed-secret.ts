import { isSealed, type SecretCipher } from './secret-cipher.js';

/**
 * Reads a stored secret and says whether it should be written again: when it predates encryption
 * (plain text from before migration 0015's release) or was sealed under a key rotated away since.
 * Callers store `resealed` with a compare-and-set, so instances starting together agree.
 */
export function openStoredSecret(
  cipher: SecretCipher,
  stored: string,
): { readonly plain: string; readonly resealed: string | undefined } {
  const plain = isSealed(stored) ? cipher.decrypt(stored) : stored;
  return { plain, resealed: cipher.isCurrent(stored) ? undefined : cipher.encrypt(plain) };
}
