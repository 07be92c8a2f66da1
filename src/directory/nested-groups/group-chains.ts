import type { IntegrationScope } from '../model/scope.js';
import type { DirectoryStore } from '../ports/directory-store.js';

/**
 * For each target group, one shortest chain of group members from it down to one of `directIds` (the
 * groups listing the user): `[target, …, direct]`. A breadth-first walk upwards over the membership
 * rows, one query per level, bounded by the nesting depth; a visited set ends cycles. Not a hot path:
 * the admin API and CLI explain an identity with it.
 */
export async function groupChains(
  store: DirectoryStore,
  scope: IntegrationScope,
  directIds: readonly string[],
  targetIds: readonly string[],
): Promise<Map<string, readonly string[]>> {
  const towardsUser = new Map<string, string | undefined>(directIds.map((id) => [id, undefined]));
  const wanted = new Set(targetIds.filter((id) => !towardsUser.has(id)));
  let frontier = [...directIds];
  while (frontier.length > 0 && [...wanted].some((id) => !towardsUser.has(id))) {
    const parents = await store.groupHierarchy.parentGroupsOf(scope, frontier);
    const next: string[] = [];
    for (const child of frontier) {
      for (const parent of parents.get(child) ?? []) {
        if (towardsUser.has(parent)) continue;
        towardsUser.set(parent, child);
        next.push(parent);
      }
    }
    frontier = next;
  }
  const chains = new Map<string, readonly string[]>();
  for (const target of targetIds) {
    if (!towardsUser.has(target)) continue;
    const chain = [target];
    for (let at = towardsUser.get(target); at !== undefined; at = towardsUser.get(at)) chain.push(at);
    chains.set(target, chain);
  }
  return chains;
}
