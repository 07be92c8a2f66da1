import { idpMix } from './idp-mix.js';
import { nestedGroup, nestedUser } from './nested-workloads.js';
import { cursorDeep, cursorFirst, listDeep, listShallow, listWalk } from './list-workloads.js';
import { groupGetExcluded, memberAdd, memberRemove } from './member-workloads.js';
import { filterEmail, filterExternalId, filterUserName, getUser } from './user-workloads.js';
import type { Workload } from './workload.js';
import type { WorkloadName } from './workload-names.js';
import { createUser, patchDeactivate, patchReplace } from './write-workloads.js';
import { verifySignIn } from './sign-in-workloads.js';

export const catalog: Readonly<Record<WorkloadName, Workload>> = {
  get: getUser,
  verify: verifySignIn,
  'filter-username': filterUserName,
  'filter-externalid': filterExternalId,
  'filter-email': filterEmail,
  'list-shallow': listShallow,
  'list-deep': listDeep,
  'list-walk': listWalk,
  'cursor-first': cursorFirst,
  'cursor-deep': cursorDeep,
  'group-get-excluded': groupGetExcluded,
  create: createUser,
  'patch-replace': patchReplace,
  'patch-deactivate': patchDeactivate,
  'member-add-10': memberAdd(10),
  'member-add-10000': memberAdd(10_000),
  'member-add-100000': memberAdd(100_000),
  'member-remove-10': memberRemove(10),
  'member-remove-10000': memberRemove(10_000),
  'member-remove-100000': memberRemove(100_000),
  'nested-user-5': nestedUser,
  'nested-group-1': nestedGroup(1),
  'nested-group-4': nestedGroup(4),
  'idp-mix': idpMix,
};

/**
 * The workloads to run, in order. member-remove-N removes what member-add-N added, so when only the
 * remove is asked for, the add runs first without being reported.
 */
export function runOrder(selected: readonly WorkloadName[]): { name: WorkloadName; reported: boolean }[] {
  const out: { name: WorkloadName; reported: boolean }[] = [];
  for (const name of selected) {
    const match = /^member-remove-(\d+)$/.exec(name);
    const add = match ? (`member-add-${match[1]}` as WorkloadName) : undefined;
    if (add && !selected.includes(add) && !out.some((w) => w.name === add))
      out.push({ name: add, reported: false });
    out.push({ name, reported: true });
  }
  return out;
}
