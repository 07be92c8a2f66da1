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

/** Workloads that need the seeded groups (and their member and candidate users). */
export function needsGroups(name: WorkloadName): boolean {
  return name.startsWith('member-') || name.startsWith('nested-') || name === 'group-get-excluded';
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
