import type { DirectoryStore } from '../ports/directory-store.js';
import type { SecretCipher } from './secret-cipher.js';

/**
 * After a key rotation: seals again under the current key the secrets of delivery destinations (webhook
 * `whsec_` secrets, current and previous; SET receivers' Authorization values) and the private keys
 * that sign SETs. Compare-and-set per row, so it is safe beside running instances and idempotent.
 */
export async function reencryptDeliverySecrets(deps: {
  store: DirectoryStore;
  cipher: SecretCipher;
}): Promise<{ readonly resealed: number; readonly current: number }> {
  const { cipher, store } = deps;
  const reseal = (sealed: string) =>
    cipher.isCurrent(sealed) ? sealed : cipher.encrypt(cipher.decrypt(sealed));
  let resealed = 0;
  let current = 0;
  for (const row of await store.webhooks.sealedInInstallation()) {
    const next = {
      current: reseal(row.current),
      previous: row.previous === null ? null : reseal(row.previous),
      previousUntil: row.previousUntil,
    };
    if (next.current === row.current && next.previous === row.previous) current += 1;
    else if (await store.webhooks.replaceSealed(row.id, row, next)) resealed += 1;
    else current += 1;
  }
  for (const key of await store.securityEventKeys.listInInstallation()) {
    const next = reseal(key.sealedPrivateKey);
    if (next === key.sealedPrivateKey) current += 1;
    else if (await store.securityEventKeys.replaceSealed(key.kid, key.sealedPrivateKey, next)) resealed += 1;
    else current += 1;
  }
  return { resealed, current };
}
