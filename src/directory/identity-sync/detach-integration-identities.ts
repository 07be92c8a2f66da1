import type { IntegrationScope } from '../model/scope.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { mergeIdentity } from './merge-identity.js';

/**
 * Before an integration goes: identities it shares with other integrations lose its link and become
 * what the others contribute; identities only it feeds are deleted, or kept unmanaged (disabled, or as
 * they are). Returns how many identities it fed.
 */
export async function detachIntegrationIdentities(
  store: DirectoryStore,
  scope: IntegrationScope,
  action: 'disable' | 'delete' | 'keep',
  now: string,
): Promise<number> {
  const shared = await store.identities.sharedIdentityIds(scope);
  for (let i = 0; i < shared.length; i += 500) {
    const batch = shared.slice(i, i + 500);
    const sources = await store.identities.sourcesOfIdentities(scope, batch);
    for (const identity of await store.identities.findByIds(scope, batch)) {
      const all = sources.get(identity.id) ?? [];
      const remaining = all.filter((s) => s.integrationId !== scope.integrationId);
      const before = mergeIdentity(identity, all, identity, now);
      const after = mergeIdentity(identity, remaining, identity, now);
      await store.identities.deleteSource(scope, identity.id);
      await store.identities.update(after.identity);
      if (JSON.stringify(before.groupIds) !== JSON.stringify(after.groupIds))
        await store.identities.setGroups(scope, identity.id, after.groupIds);
    }
  }
  return shared.length + (await store.identities.detachSoleSourced(scope, action, now));
}
