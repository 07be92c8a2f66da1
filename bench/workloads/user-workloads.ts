import { externalId, userName, workEmail } from '../seed/user-attributes.js';
import {
  answerJson,
  sampledUser,
  type Verdict,
  type Workload,
  type WorkloadContext,
  steadyLoad,
} from './workload.js';
import type { WorkloadName } from './workload-names.js';

/** GET /Users/{id} for sampled users. */
export const getUser: Workload = {
  name: 'get',
  floor: 'read',
  sends: 'GET /Users/{id}, a different seeded user each request',
  async prepare(context) {
    return steadyLoad(context, {
      steps: [
        (cycle) => ({
          method: 'GET',
          path: `${context.target.basePath}/Users/${sampledUser(context, cycle).id}`,
        }),
      ],
      verify: ([answer]) =>
        answerJson(answer)?.id === sampledUser(context, 0).id
          ? undefined
          : { status: 'failed', reason: 'GET /Users/{id} answered another resource' },
    });
  },
};

function filterWorkload(name: WorkloadName, sends: string, filterFor: (index: number) => string): Workload {
  return {
    name,
    floor: 'read',
    sends,
    async prepare(context: WorkloadContext) {
      const path = (cycle: number) =>
        `${context.target.basePath}/Users?filter=${encodeURIComponent(filterFor(sampledUser(context, cycle).index))}`;
      return steadyLoad(context, {
        steps: [(cycle) => ({ method: 'GET', path: path(cycle) })],
        verify: ([answer]) => exactlyOne(answerJson(answer), sampledUser(context, 0).id),
      });
    },
  };
}

/** A filter for one user must find that user and only that one. */
export function exactlyOne(body: Record<string, unknown> | undefined, id: string): Verdict | undefined {
  const resources = body?.Resources;
  if (body?.totalResults === 1 && Array.isArray(resources) && (resources[0] as { id?: unknown })?.id === id) {
    return undefined;
  }
  return {
    status: 'failed',
    reason: `the filter should match exactly the sampled user; totalResults was ${JSON.stringify(body?.totalResults)}`,
  };
}

export const filterUserName = filterWorkload(
  'filter-username',
  'GET /Users?filter=userName eq "user0001234@example.com" (a different seeded user each request)',
  (index) => `userName eq "${userName('user', index)}"`,
);

export const filterExternalId = filterWorkload(
  'filter-externalid',
  'GET /Users?filter=externalId eq "user-ext-0001234"',
  (index) => `externalId eq "${externalId('user', index)}"`,
);

export const filterEmail = filterWorkload(
  'filter-email',
  'GET /Users?filter=emails[type eq "work"].value eq "user0001234@work.example.com"',
  (index) => `emails[type eq "work"].value eq "${workEmail('user', index)}"`,
);
