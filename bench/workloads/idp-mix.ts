import { userName } from '../seed/user-attributes.js';
import { exactlyOne } from './user-workloads.js';
import { answerJson, patchBody, sampledUser, type Workload } from './workload.js';

/** Entra ID's provisioning cycle sends 16 requests at a time. */
const ENTRA_CONNECTIONS = 16;

/**
 * What Entra ID does for each user in a sync: look the user up by userName, then PATCH the changes.
 * Entra writes the op capitalised ("Replace"); RFC 7644 §3.5.2 op values are matched case-insensitively
 * by every server that works with Entra.
 */
export const idpMix: Workload = {
  name: 'idp-mix',
  floor: 'insert',
  feature: 'patch',
  sends:
    'per user: GET /Users?filter=userName eq "…", then PATCH /Users/{id} [{"op":"Replace","path":"displayName",…}]; 16 connections',
  async prepare(context) {
    const offset = Math.floor(context.sample.length / 3);
    return {
      ok: true,
      load: {
        connections: ENTRA_CONNECTIONS,
        maxRequests: context.options.maxRequests,
        steps: [
          (cycle) => ({
            method: 'GET',
            path: `${context.target.basePath}/Users?filter=${encodeURIComponent(`userName eq "${userName('user', sampledUser(context, cycle, offset).index)}"`)}`,
          }),
          (cycle) => ({
            method: 'PATCH',
            path: `${context.target.basePath}/Users/${sampledUser(context, cycle, offset).id}`,
            body: patchBody([{ op: 'Replace', path: 'displayName', value: `Synced ${cycle}` }]),
          }),
        ],
        verify: ([lookup]) => exactlyOne(answerJson(lookup), sampledUser(context, 0, offset).id),
      },
    };
  },
};
