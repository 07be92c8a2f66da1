import { ensureGroupsForUnmapped } from '../remap/remap-batch.js';
import { previewRemap, type RemapPreview } from '../remap/preview-remap.js';
import type { GroupMapping } from '../model/directory-group.js';
import type { IntegrationScope } from '../model/scope.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { inRolledBackTransaction } from '../remap/in-rolled-back-transaction.js';
import { eventStampOf } from '../events/event-stamp.js';

/**
 * The dry run of a group-mapping change. The change is made by the code that really makes it, followed
 * by what a remap does first (automatic mappings for IdP groups left unmapped, under `unmappedGroups:
 * create`), inside a transaction that is always rolled back; the mappings it leaves are then handed to
 * the remap planner, which previews outside any transaction. So the preview cannot disagree with the
 * change, and the long read of every identity holds no lock. Directory groups the change would create
 * exist only inside the rolled-back transaction: the preview reports their members as a change of
 * groups, under ids that are never stored.
 */
export async function previewMappingChange<T>(
  deps: DirectoryDeps,
  scope: IntegrationScope,
  change: (store: DirectoryStore) => Promise<T>,
): Promise<{ readonly result: T; readonly preview: RemapPreview }> {
  const { result, mappings } = await inRolledBackTransaction(deps.store, async (store) => {
    const result = await change(store);
    const settings = await store.integrations.settings(scope);
    if (settings) await ensureGroupsForUnmapped(store, scope, settings, eventStampOf(deps));
    const mappings: readonly GroupMapping[] = await store.directoryGroups.mappings(scope);
    return { result, mappings };
  });
  return { result, preview: await previewRemap(deps, scope, undefined, undefined, mappings) };
}
