import type { IntegrationScope } from '../model/scope.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import type { GroupPair } from '../ports/group-hierarchy-repository.js';
import { reachability } from './reachability.js';

/**
 * Group members were added to `parentId` (rows already written): every group containing the parent
 * (and the parent) now contains each new member and everything it contains. Two indexed reads and one
 * insert, bounded by the hierarchy around the change, never by how many users the groups list.
 */
export async function closureAfterGroupsAdded(
  store: DirectoryStore,
  scope: IntegrationScope,
  parentId: string,
  childIds: readonly string[],
): Promise<void> {
  if (childIds.length === 0) return;
  const hierarchy = store.groupHierarchy;
  const above = [parentId, ...((await hierarchy.ancestorsOf(scope, [parentId])).get(parentId) ?? [])];
  const below = await hierarchy.descendantsOf(scope, childIds);
  const pairs: GroupPair[] = [];
  for (const child of new Set(childIds)) {
    for (const descendantId of [child, ...(below.get(child) ?? [])]) {
      for (const ancestorId of above) {
        if (ancestorId !== descendantId) pairs.push({ ancestorId, descendantId });
      }
    }
  }
  await hierarchy.insertPairs(scope, pairs);
}

/**
 * The groups whose closure rows a removal under `groupIds` may have made wrong: the groups themselves
 * and every group containing them. Read before the change is applied to the closure.
 */
export async function staleAbove(
  store: DirectoryStore,
  scope: IntegrationScope,
  groupIds: readonly string[],
): Promise<Set<string>> {
  const ancestors = await store.groupHierarchy.ancestorsOf(scope, groupIds);
  return new Set([...groupIds, ...[...ancestors.values()].flat()]);
}

/**
 * Recomputes the closure rows of `stale` groups from the membership rows as they are now (after a
 * removal, a whole-set replace or a group delete) and writes only the difference. Groups outside
 * `stale` keep their rows: no path from them ran through the change.
 */
export async function recomputeClosure(
  store: DirectoryStore,
  scope: IntegrationScope,
  stale: ReadonlySet<string>,
): Promise<void> {
  if (stale.size === 0) return;
  const hierarchy = store.groupHierarchy;
  const groups = [...stale];
  const children = await hierarchy.childGroupsOf(scope, groups);
  const outside = [...new Set([...children.values()].flat())].filter((id) => !stale.has(id));
  const outsideDescendants = outside.length > 0 ? await hierarchy.descendantsOf(scope, outside) : new Map();
  const next = reachability(stale, children, outsideDescendants);
  const current = await hierarchy.descendantsOf(scope, groups);
  const removed: GroupPair[] = [];
  const added: GroupPair[] = [];
  for (const ancestorId of groups) {
    const before = new Set(current.get(ancestorId) ?? []);
    const after = next.get(ancestorId) ?? new Set<string>();
    for (const d of before) if (!after.has(d)) removed.push({ ancestorId, descendantId: d });
    for (const d of after) if (!before.has(d)) added.push({ ancestorId, descendantId: d });
  }
  if (removed.length > 0) await hierarchy.deletePairs(scope, removed);
  if (added.length > 0) await hierarchy.insertPairs(scope, added);
}
