import type { RequestStep } from '../load/drive-load.js';
import { NESTING_DEPTH } from '../seed/seed-plan.js';
import { patchBody, type Workload, type WorkloadContext } from './workload.js';
import type { WorkloadName } from './workload-names.js';

function level(context: WorkloadContext, depth: number): readonly string[] {
  const groups = context.directory.hierarchy[depth - 1];
  if (!groups || groups.length === 0) throw new Error(`the nested hierarchy has no depth ${depth}`);
  return groups;
}

/** A member added to a group, then removed again: the two steps of every nested-* cycle. */
function addThenRemove(group: (cycle: number) => string, member: (cycle: number) => string): RequestStep[] {
  return [
    (cycle) => ({
      method: 'PATCH',
      path: group(cycle),
      body: patchBody([{ op: 'add', path: 'members', value: [{ value: member(cycle) }] }]),
    }),
    (cycle) => ({
      method: 'PATCH',
      path: group(cycle),
      body: patchBody([{ op: 'remove', path: `members[value eq "${member(cycle)}"]` }]),
    }),
  ];
}

/**
 * nested-user-5: a candidate user joins a leaf group of the depth-5 hierarchy (so its identity gets five
 * effective groups through the closure), then leaves it again; both requests count. Compare its CPU per
 * request with member-add-10: the difference is what nesting costs a user member change.
 */
export const nestedUser: Workload = {
  name: 'nested-user-5',
  floor: 'insert',
  feature: 'patch',
  sends: `PATCH /Groups/{leaf at depth ${NESTING_DEPTH}} add a user, then PATCH remove it`,
  async prepare(context) {
    const leaves = level(context, NESTING_DEPTH);
    const candidates = context.directory.candidateIds;
    const group = (cycle: number) => `${context.target.basePath}/Groups/${leaves[cycle % leaves.length]}`;
    const user = (cycle: number) => candidates[cycle % candidates.length] as string;
    return {
      ok: true,
      load: {
        connections: context.options.connections,
        maxRequests: context.options.maxRequests,
        steps: addThenRemove(group, user),
        note: `${leaves.length} leaves, ${candidates.length.toLocaleString('en')} candidate users`,
      },
    };
  },
};

/**
 * nested-group-D: an empty group is linked under a group at depth D of the hierarchy (closure rows for
 * it and every group above), then unlinked (the groups above recomputed); both requests count. The
 * group carries no users, so this is the closure's own cost; a group with users adds their
 * re-derivation, in one batch.
 */
export function nestedGroup(depth: 1 | 4): Workload {
  return {
    name: `nested-group-${depth}` as WorkloadName,
    floor: 'insert',
    feature: 'patch',
    sends: `PATCH /Groups/{group at depth ${depth}} add an empty group, then PATCH remove it`,
    async prepare(context) {
      const parents = level(context, depth);
      const spares = context.directory.spareGroupIds;
      const parent = (cycle: number) =>
        `${context.target.basePath}/Groups/${parents[cycle % parents.length]}`;
      const spare = (cycle: number) => spares[cycle % spares.length] as string;
      return {
        ok: true,
        load: {
          connections: context.options.connections,
          maxRequests: context.options.maxRequests,
          steps: addThenRemove(parent, spare),
          note: `${parents.length} parent group(s) at depth ${depth}, ${depth - 1} above each`,
        },
      };
    },
  };
}
