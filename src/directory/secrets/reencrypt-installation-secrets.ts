import type { DirectoryStore } from '../ports/directory-store.js';
import { isSealed, type SecretCipher } from './secret-cipher.js';

/**
 * After a key rotation: seals every installation secret again under the current key, so older keys can
 * be retired. Rows that are not sealed secrets (markers such as the bootstrap claim) are left alone.
 * Idempotent and safe beside running instances (compare-and-set per row).
 */
export async function reencryptInstallationSecrets(deps: {
  store: DirectoryStore;
  cipher: SecretCipher;
}): Promise<{ readonly resealed: number; readonly current: number }> {
  let resealed = 0;
  let current = 0;
  for (const row of await deps.store.installationSecrets.list()) {
    if (!isSealed(row.value)) continue;
    if (deps.cipher.isCurrent(row.value)) {
      current += 1;
      continue;
    }
    const value = deps.cipher.encrypt(deps.cipher.decrypt(row.value));
    if (await deps.store.installationSecrets.replace(row.name, row.value, value)) resealed += 1;
    else current += 1;
  }
  return { resealed, current };
}
