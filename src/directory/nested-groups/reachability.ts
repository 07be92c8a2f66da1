/**
 * The groups each of `stale` reaches through group members, given each group's direct group members
 * (`children`) and, for every child outside `stale`, its descendants as the closure holds them (still
 * true: no path from a group outside `stale` ran through the change). Iterated to a fixpoint, so a cycle
 * ends: every group on a cycle reaches every group of the cycle (docs/groups.md). A group is never
 * listed among its own descendants. Pure.
 */
export function reachability(
  stale: ReadonlySet<string>,
  children: ReadonlyMap<string, readonly string[]>,
  outsideDescendants: ReadonlyMap<string, readonly string[]>,
): Map<string, Set<string>> {
  const reach = new Map<string, Set<string>>();
  for (const group of stale) {
    const found = new Set<string>();
    for (const child of children.get(group) ?? []) {
      found.add(child);
      if (!stale.has(child)) for (const d of outsideDescendants.get(child) ?? []) found.add(d);
    }
    reach.set(group, found);
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const [group, found] of reach) {
      for (const child of children.get(group) ?? []) {
        const through = reach.get(child);
        if (!through) continue;
        for (const d of through) {
          if (!found.has(d)) {
            found.add(d);
            changed = true;
          }
        }
      }
    }
  }
  for (const [group, found] of reach) found.delete(group);
  return reach;
}
