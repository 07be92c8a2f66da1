import { randomBytes } from 'node:crypto';
import type { Clock } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import type { SecretCipher } from '../secrets/secret-cipher.js';
import { openStoredSecret } from '../secrets/sealed-secret.js';

const NAME = 'scim-cursor-signing-key';

/**
 * The installation's cursor-signing key: made once, in the database, so every instance verifies alike;
 * stored encrypted. A row from before encryption, or sealed under a rotated-away key, is sealed again
 * under the current key here (every start), so no plain-text key stays behind.
 */
export async function loadCursorSigningKey(deps: {
  store: DirectoryStore;
  clock: Clock;
  cipher: SecretCipher;
}): Promise<Uint8Array> {
  const stored = await deps.store.installationSecrets.getOrCreate(
    NAME,
    () => deps.cipher.encrypt(randomBytes(32).toString('base64')),
    deps.clock.now().toISOString(),
  );
  const { plain, resealed } = openStoredSecret(deps.cipher, stored);
  if (resealed) await deps.store.installationSecrets.replace(NAME, stored, resealed);
  return Buffer.from(plain, 'base64');
}
