import { randomBytes } from 'node:crypto';
import type { Clock, IdSource } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { createAdminKey, type IssuedAdminKey } from './create-admin-key.js';

const BOOTSTRAP_MARKER = 'admin-bootstrap-key-issued';

/**
 * On the first start of an installation without admin keys, issues one installation-wide key for the
 * operator to print. Once per installation: instances starting together race for a marker row
 * (insert-or-nothing) and only the winner issues the key; later starts issue none, even when every key
 * has since been revoked (`roster admin-key create` makes new ones).
 */
export async function issueBootstrapAdminKey(deps: {
  store: DirectoryStore;
  clock: Clock;
  ids: IdSource;
}): Promise<IssuedAdminKey | undefined> {
  if ((await deps.store.adminKeys.count()) > 0) return undefined;
  return deps.store.transaction(async (store) => {
    const claim = randomBytes(16).toString('hex');
    const holder = await store.installationSecrets.getOrCreate(
      BOOTSTRAP_MARKER,
      () => claim,
      deps.clock.now().toISOString(),
    );
    if (holder !== claim) return undefined;
    return createAdminKey({ ...deps, store }, { name: 'bootstrap', organizationId: null });
  });
}
