import { userBody } from '../seed/user-attributes.js';
import { answerJson, patchBody, sampledUser, type Workload, steadyLoad } from './workload.js';

/** POST /Users: a new user each request, shaped like the seeded ones. */
export const createUser: Workload = {
  name: 'create',
  floor: 'insert',
  sends: 'POST /Users with a new user (userName, externalId, name, two emails, enterprise extension)',
  async prepare(context) {
    return steadyLoad(context, {
      steps: [
        (cycle) => ({
          method: 'POST',
          path: `${context.target.basePath}/Users`,
          body: JSON.stringify(
            userBody('user', context.plan.users + cycle, `created-${context.runTag}-${cycle}@example.com`),
          ),
        }),
      ],
      verify: ([answer]) =>
        typeof answerJson(answer)?.id === 'string'
          ? undefined
          : { status: 'failed', reason: 'POST /Users answered without an id' },
    });
  },
};

/** PATCH /Users/{id} replacing displayName. */
export const patchReplace: Workload = {
  name: 'patch-replace',
  floor: 'insert',
  feature: 'patch',
  sends: 'PATCH /Users/{id} [{"op":"replace","path":"displayName","value":"Renamed N"}]',
  async prepare(context) {
    return steadyLoad(context, {
      steps: [
        (cycle) => ({
          method: 'PATCH',
          path: `${context.target.basePath}/Users/${sampledUser(context, cycle).id}`,
          body: patchBody([{ op: 'replace', path: 'displayName', value: `Renamed ${cycle}` }]),
        }),
      ],
    });
  },
};

/** PATCH /Users/{id} setting active to false, as a deprovisioning identity provider does. */
export const patchDeactivate: Workload = {
  name: 'patch-deactivate',
  floor: 'insert',
  feature: 'patch',
  sends: 'PATCH /Users/{id} [{"op":"replace","path":"active","value":false}]',
  async prepare(context) {
    const offset = Math.floor(context.sample.length / 2);
    return steadyLoad(context, {
      steps: [
        (cycle) => ({
          method: 'PATCH',
          path: `${context.target.basePath}/Users/${sampledUser(context, cycle, offset).id}`,
          body: patchBody([{ op: 'replace', path: 'active', value: false }]),
        }),
      ],
    });
  },
};
