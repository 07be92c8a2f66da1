import { groupCopies, type GroupSize } from '../seed/seed-plan.js';
import { answerJson, patchBody, type Workload, type WorkloadContext, steadyLoad } from './workload.js';
import type { WorkloadName } from './workload-names.js';

function groupId(context: WorkloadContext, size: GroupSize, copy: number): string {
  const id = context.directory.groupIds.get(size)?.[copy];
  if (id === undefined) throw new Error(`group of ${size} copy ${copy} was not seeded`);
  return id;
}

function candidateId(context: WorkloadContext, candidate: number): string {
  const id = context.directory.candidateIds[candidate];
  if (id === undefined) throw new Error(`candidate ${candidate} was not seeded`);
  return id;
}

/**
 * member-add-N: PATCH /Groups/{id} adding one candidate (a user in no group) to the group of N members.
 * Requests spread over the copies of the group (1,000 groups of 10 by default), so each stays near N.
 */
export function memberAdd(size: GroupSize): Workload {
  return {
    name: `member-add-${size}` as WorkloadName,
    floor: 'insert',
    feature: 'patch',
    sends: `PATCH /Groups/{group of ${size.toLocaleString('en')}} [{"op":"add","path":"members","value":[{"value":"{user id}"}]}]`,
    async prepare(context) {
      const copies = groupCopies(context.plan, size);
      return {
        ok: true,
        load: {
          connections: context.options.connections,
          maxRequests: Math.min(context.options.maxRequests, context.plan.candidates),
          steps: [
            (cycle) => ({
              method: 'PATCH',
              path: `${context.target.basePath}/Groups/${groupId(context, size, cycle % copies)}`,
              body: patchBody([
                { op: 'add', path: 'members', value: [{ value: candidateId(context, cycle) }] },
              ]),
            }),
          ],
          onResponse: (cycle, _step, status) => {
            if (status >= 200 && status < 300)
              context.members.record(size, { candidate: cycle, copy: cycle % copies });
          },
          ...(copies > 1 ? { note: `spread over ${copies} groups of ${size}` } : {}),
        },
      };
    },
  };
}

/** member-remove-N: PATCH /Groups/{id} removing, one by one, the members member-add-N added. */
export function memberRemove(size: GroupSize): Workload {
  return {
    name: `member-remove-${size}` as WorkloadName,
    floor: 'insert',
    feature: 'patch',
    sends: `PATCH /Groups/{group of ${size.toLocaleString('en')}} [{"op":"remove","path":"members[value eq \\"{user id}\\"]"}]`,
    async prepare(context) {
      const added = context.members.addedTo(size);
      if (added.length === 0) {
        // The members to remove are the ones member-add put in; without PATCH there are none.
        return {
          ok: false,
          status: context.discovery.patch ? 'failed' : 'unsupported',
          reason: `nothing to remove: member-add-${size} added no member${context.discovery.patch ? '' : ' (PATCH is not supported)'}`,
        };
      }
      const entry = (cycle: number) => added[cycle] ?? { candidate: 0, copy: 0 };
      return {
        ok: true,
        load: {
          connections: context.options.connections,
          maxRequests: Math.min(context.options.maxRequests, added.length),
          steps: [
            (cycle) => ({
              method: 'PATCH',
              path: `${context.target.basePath}/Groups/${groupId(context, size, entry(cycle).copy)}`,
              body: patchBody([
                { op: 'remove', path: `members[value eq "${candidateId(context, entry(cycle).candidate)}"]` },
              ]),
            }),
          ],
        },
      };
    },
  };
}

/** GET /Groups/{id}?excludedAttributes=members on the 100,000-member group. */
export const groupGetExcluded: Workload = {
  name: 'group-get-excluded',
  floor: 'read',
  feature: 'excludedAttributes',
  sends: 'GET /Groups/{group of 100,000}?excludedAttributes=members',
  async prepare(context) {
    const path = `${context.target.basePath}/Groups/${groupId(context, 100_000, 0)}?excludedAttributes=members`;
    return steadyLoad(context, {
      steps: [() => ({ method: 'GET', path })],
      verify: ([answer]) => {
        const members = answerJson(answer)?.members;
        if (members === undefined) return undefined;
        const count = Array.isArray(members) ? members.length : 0;
        return {
          status: 'unsupported',
          reason: `excludedAttributes is ignored: the answer lists ${count.toLocaleString('en')} members (${(answer?.text.length ?? 0).toLocaleString('en')} bytes in ${Math.round(answer?.elapsedMs ?? 0)} ms)`,
        };
      },
    });
  },
};
