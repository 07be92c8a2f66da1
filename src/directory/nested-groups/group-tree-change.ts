import type { IntegrationScope } from '../model/scope.js';
import type { IntegrationSettings } from '../model/integration-settings.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { closureAfterGroupsAdded, recomputeClosure, staleAbove } from './maintain-closure.js';

/** What a group write is about to do to the hierarchy, read before its membership rows change. */
export interface GroupTreeChange {
  readonly groupId: string;
  /** Group members added or removed (or, for a delete, none: the group itself goes). */
  readonly touchedGroupIds: readonly string[];
  readonly addedGroupIds: readonly string[];
  /** The groups whose closure rows must be recomputed (a removal or a delete happened); empty otherwise. */
  readonly stale: ReadonlySet<string>;
  /** Groups whose users' effective groups may change, as the closure stood before. */
  readonly belowBefore: readonly string[];
}

/**
 * Call before the closure changes: before the group's membership rows change, or just after (the
 * closure still describes the old tree then), and before a delete (its closure rows cascade away). `removedGroupIds` are group members leaving (a whole-set
 * replace lists the ones not kept); `deleting` means the group itself is being deleted, its rows
 * cascading away. Reads nothing when no group member is touched and the group is not renamed or deleted:
 * a user member add costs no extra statement here.
 */
export async function beforeGroupTreeChange(
  store: DirectoryStore,
  scope: IntegrationScope,
  change: {
    readonly groupId: string;
    readonly addedGroupIds?: readonly string[];
    readonly removedGroupIds?: readonly string[];
    readonly deleting?: boolean;
    /** The group's users' descendants' users see a new name (nested group-name attributes). */
    readonly renamed?: boolean;
  },
): Promise<GroupTreeChange> {
  const added = [...new Set(change.addedGroupIds ?? [])];
  const removed = [...new Set(change.removedGroupIds ?? [])];
  const touched = [...new Set([...added, ...removed])];
  const whole = change.deleting === true || change.renamed === true;
  const hierarchy = store.groupHierarchy;
  let stale: Set<string> = new Set();
  if (change.deleting) {
    stale = await staleAbove(store, scope, [change.groupId]);
    stale.delete(change.groupId);
  } else if (removed.length > 0) {
    stale = await staleAbove(store, scope, [change.groupId]);
  }
  const roots = whole ? [change.groupId] : touched;
  const below =
    roots.length > 0
      ? [...new Set([...roots, ...[...(await hierarchy.descendantsOf(scope, roots)).values()].flat()])]
      : [];
  return {
    groupId: change.groupId,
    touchedGroupIds: touched,
    addedGroupIds: added,
    stale,
    belowBefore: whole ? below.filter((id) => id !== change.groupId) : below,
  };
}

/**
 * Call after the membership rows changed, in the same transaction: brings the closure up to date and
 * returns the users whose effective groups (or inherited group names) may have changed, for the sync to
 * re-derive in one batch. Under `direct` nesting no user is added: only direct members count there, and
 * the caller already lists them.
 */
export async function afterGroupTreeChange(
  store: DirectoryStore,
  scope: IntegrationScope,
  settings: IntegrationSettings,
  change: GroupTreeChange,
): Promise<readonly string[]> {
  if (change.stale.size > 0) await recomputeClosure(store, scope, change.stale);
  else if (change.addedGroupIds.length > 0)
    await closureAfterGroupsAdded(store, scope, change.groupId, change.addedGroupIds);
  if (
    settings.groupNesting !== 'nested' ||
    (change.belowBefore.length === 0 && change.touchedGroupIds.length === 0)
  )
    return [];
  const after =
    change.touchedGroupIds.length > 0
      ? [...(await store.groupHierarchy.descendantsOf(scope, change.touchedGroupIds)).values()].flat()
      : [];
  const groups = [...new Set([...change.belowBefore, ...change.touchedGroupIds, ...after])];
  return groups.length > 0 ? store.groupHierarchy.userMembersOf(scope, groups) : [];
}
