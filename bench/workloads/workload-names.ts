import { GROUP_SIZES, type GroupSize } from '../seed/seed-plan.js';

/** Every workload the benchmark defines, in the order they run (reads, then writes, member add before remove). */
export const workloadNames = [
  'get',
  'verify',
  'filter-username',
  'filter-externalid',
  'filter-email',
  'list-shallow',
  'list-deep',
  'list-walk',
  'cursor-first',
  'cursor-deep',
  'group-get-excluded',
  'create',
  'patch-replace',
  'patch-deactivate',
  'member-add-10',
  'member-add-10000',
  'member-add-100000',
  'member-remove-10',
  'member-remove-10000',
  'member-remove-100000',
  'nested-user-5',
  'nested-group-1',
  'nested-group-4',
  'idp-mix',
] as const;

export type WorkloadName = (typeof workloadNames)[number];

/** The seeded group sizes these workloads send requests to (member-add-N, member-remove-N, the 100,000 one's GET). */
export function groupSizesUsedBy(names: readonly WorkloadName[]): GroupSize[] {
  const sizes = new Set<GroupSize>();
  for (const name of names) {
    const size = /^member-(?:add|remove)-(\d+)$/.exec(name)?.[1];
    if (size !== undefined) sizes.add(Number(size) as GroupSize);
    if (name === 'group-get-excluded') sizes.add(100_000);
  }
  return GROUP_SIZES.filter((size) => sizes.has(size));
}

/** Whether these workloads use the nested hierarchy. */
export function usesHierarchy(names: readonly WorkloadName[]): boolean {
  return names.some((name) => name.startsWith('nested-'));
}

/**
 * Workloads that write to seeded users (directly or through their groups): they need the users'
 * identities seeded, or each request would measure a user's first identity sync.
 */
export function writesSeededUsers(name: WorkloadName): boolean {
  return (
    name.startsWith('patch-') ||
    name.startsWith('member-') ||
    name.startsWith('nested-') ||
    name === 'idp-mix'
  );
}
