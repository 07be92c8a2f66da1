import type { IntegrationSettings } from '../model/integration-settings.js';
import type { IdentitySource } from '../model/identity.js';
import { identityEvents } from '../events/identity-events.js';
import { mergeIdentity } from './merge-identity.js';
import { saveRemergedIdentity } from './save-remerged-identity.js';
import { oldestFirst } from './plan-user-sync.js';
import { syncEventStamp, type IdentitySyncContext } from './sync-identities.js';

/**
 * A SCIM DELETE of a user, under the integration's policy: `deactivate` keeps its identity as
 * deleted-with-history (the link stays, marked deleted; the identity releases its name unless another
 * integration still feeds it); `delete` removes the link, and the identity with it when no other
 * integration feeds it. Runs in the DELETE's transaction, before the SCIM row goes.
 */
export async function retireIdentity(
  context: IdentitySyncContext,
  scimUserId: string,
  policy: IntegrationSettings['onDelete'],
): Promise<void> {
  const { store, scope } = context;
  const linked = await store.identities.linkedSources(scope, [scimUserId]);
  const own = linked.find((s) => s.integrationId === scope.integrationId && s.scimResourceId === scimUserId);
  if (!own) return;
  const identity = await store.identities.findById(scope, own.identityId);
  if (!identity) return;
  const others = linked.filter(
    (s) => s.identityId === own.identityId && s.integrationId !== scope.integrationId,
  );
  const now = context.clock.now().toISOString();
  const stamp = syncEventStamp(context, now);
  const before = mergeIdentity(identity, [...others, own].sort(oldestFirst), identity, now);
  let remaining: IdentitySource[];
  if (policy === 'delete') {
    await store.identities.deleteSource(scope, identity.id);
    if (others.length === 0) {
      await store.identities.delete(scope, identity.id);
      const gone = { ...identity, status: 'deleted' as const, updatedAt: now };
      store.events.append(
        scope,
        identityEvents(
          {
            previous: identity,
            next: gone,
            previousGroupIds: before.groupIds,
            groupIds: [],
            changed: ['status'],
          },
          stamp,
        ),
      );
      return;
    }
    remaining = others;
  } else {
    const retired: IdentitySource = { ...own, status: 'deleted', updatedAt: now };
    await store.identities.saveSource(retired);
    remaining = [...others, retired].sort(oldestFirst);
  }
  const after = mergeIdentity(identity, remaining, identity, now);
  await saveRemergedIdentity(store, scope, identity, before, after, stamp);
}
