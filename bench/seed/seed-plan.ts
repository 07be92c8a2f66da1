/**
 * What the benchmark puts in the directory, as numbers and names only (no I/O), so every module agrees
 * on who is who.
 *
 * - Directory users `user0000000…`: `users` of them. The first `bulkUsers` are written through the store
 *   before the server starts; the last `apiUsers` are created with POST /Users to measure the API rate.
 * - Groups (only those the selected workloads use): `smallGroupCopies` groups of 10 members, one of
 *   10,000, one of 100,000, the nested hierarchy. Their members come from a pool of users just large
 *   enough for them (100,000 for the largest group or the hierarchy): the first bulk users, topped up
 *   with `member…` users when there are fewer of them. Seeding the 100,000-member group for a run that
 *   only adds to groups of 10 cost 110,000 user rows and three minutes.
 * - Candidates `candidate…`: users in no group, one per member-add request (member-remove takes them
 *   out again), so every add really adds and every remove really removes.
 */
export const GROUP_SIZES = [10, 10_000, 100_000] as const;
export type GroupSize = (typeof GROUP_SIZES)[number];

export const MEMBER_POOL_SIZE = 100_000;

/**
 * The nested hierarchy (issue 19): a tree of groups, each with `NESTING_FAN_OUT` group members, down to
 * depth `NESTING_DEPTH`; the member pool's 100,000 users are spread over its leaves.
 */
export const NESTING_DEPTH = 5;
export const NESTING_FAN_OUT = 3;
/** Empty groups the nested-group workloads link and unlink (request n uses spare n mod this). */
export const SPARE_GROUPS = 1_000;

export type UserKind = 'user' | 'member' | 'candidate';

export interface SeedPlan {
  readonly users: number;
  readonly bulkUsers: number;
  readonly apiUsers: number;
  readonly withGroups: boolean;
  /** The group sizes seeded (empty without groups). */
  readonly groupSizes: readonly GroupSize[];
  /** Whether the nested hierarchy (and its spare groups) is seeded. */
  readonly withHierarchy: boolean;
  /** Users the groups draw their members from. */
  readonly memberPoolSize: number;
  /**
   * Whether the seeded users get their identities (as every user created through the API has): only
   * for workloads that write to seeded users, since syncing them costs several times more than inserting
   * them (110,000 users: about 140 s on SQLite, 500 s on PostgreSQL, against 27 s for the rows).
   */
  readonly withIdentities: boolean;
  /** Users seeded only to fill the 100,000-member group. */
  readonly extraMembers: number;
  /** Users in no group, one per member-add request. */
  readonly candidates: number;
  /**
   * How many groups of 10 there are. member-add-10 spreads its requests over them so each stays near 10
   * members (at most 10 more by the end of the run) instead of growing to thousands.
   */
  readonly smallGroupCopies: number;
}

export function seedPlan(input: {
  users: number;
  apiUsers: number;
  groupSizes: readonly GroupSize[];
  withHierarchy: boolean;
  withIdentities: boolean;
  memberOps: number;
}): SeedPlan {
  const bulkUsers = input.users - input.apiUsers;
  const withGroups = input.groupSizes.length > 0 || input.withHierarchy;
  const smallGroupCopies = input.groupSizes.includes(10) ? Math.max(1, Math.ceil(input.memberOps / 10)) : 0;
  // The hierarchy's leaves share out the whole pool of 100,000; a group of N needs N users; the
  // groups of 10 each have their own ten.
  const memberPoolSize = Math.max(
    input.withHierarchy ? MEMBER_POOL_SIZE : 0,
    ...input.groupSizes.map((size) =>
      size === 10 ? Math.min(MEMBER_POOL_SIZE, smallGroupCopies * 10) : size,
    ),
  );
  return {
    users: input.users,
    bulkUsers,
    apiUsers: input.apiUsers,
    withGroups,
    groupSizes: [...input.groupSizes],
    withHierarchy: input.withHierarchy,
    memberPoolSize,
    withIdentities: input.withIdentities,
    extraMembers: Math.max(0, memberPoolSize - bulkUsers),
    candidates: withGroups ? input.memberOps : 0,
    smallGroupCopies,
  };
}

export function groupCopies(plan: SeedPlan, size: GroupSize): number {
  if (!plan.groupSizes.includes(size)) return 0;
  return size === 10 ? plan.smallGroupCopies : 1;
}

/**
 * Members of copy `copy` of the group of `size`, as positions in the member pool (position p is bulk
 * user p while p < bulkUsers, else extra member user p - bulkUsers).
 */
export function groupMemberPositions(
  plan: SeedPlan,
  size: GroupSize,
  copy: number,
): { start: number; count: number } {
  return { start: (copy * size) % plan.memberPoolSize, count: size };
}

export function groupDisplayName(size: GroupSize, copy: number): string {
  return size === 10 ? `bench-10-members-${pad(copy, 5)}` : `bench-${size}-members`;
}

export function pad(value: number, width = 7): string {
  return String(value).padStart(width, '0');
}

/** A small deterministic generator (mulberry32), so two runs pick the same users in the same order. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` user indices spread at random over [0, users), in a fixed order. */
export function sampleIndices(users: number, count: number, seed = 8): number[] {
  const random = seededRandom(seed);
  const out: number[] = [];
  for (let i = 0; i < Math.min(count, users); i++) out.push(Math.floor(random() * users));
  return out;
}
