import type { GroupSize } from './seed-plan.js';

/** The ids of everything seeded, by the positions the seed plan defines. Filled by the seeders. */
export interface SeededDirectory {
  /** Directory user index → id. */
  readonly userIds: string[];
  /** Member-pool position → id (bulk users first, then the extra member users). */
  readonly memberPoolIds: string[];
  /** Candidate index → id. */
  readonly candidateIds: string[];
  /** Group size → the ids of its copies. */
  readonly groupIds: Map<GroupSize, string[]>;
  /** The nested hierarchy (nested-* workloads): the group ids of each depth, depth 1 (the root) first. */
  readonly hierarchy: string[][];
  /** Empty groups the nested-group workloads link under the hierarchy and unlink again. */
  readonly spareGroupIds: string[];
}

export function emptyDirectory(): SeededDirectory {
  return {
    userIds: [],
    memberPoolIds: [],
    candidateIds: [],
    groupIds: new Map(),
    hierarchy: [],
    spareGroupIds: [],
  };
}
