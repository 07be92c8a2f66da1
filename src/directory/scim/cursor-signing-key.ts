import { randomBytes } from 'node:crypto';
import type { Clock } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';

/** The installation's cursor-signing key: made once, in the database, so every instance verifies alike. */
export async function loadCursorSigningKey(deps: {
  store: DirectoryStore;
  clock: Clock;
}): Promise<Uint8Array> {
  const value = await deps.store.installationSecrets.getOrCreate(
    'scim-cursor-signing-key',
    () => randomBytes(32).toString('base64'),
    deps.clock.now().toISOString(),
  );
  return Buffer.from(value, 'base64');
}
