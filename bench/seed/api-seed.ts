import { send, type ScimTarget } from '../http/http-request.js';
import type { SeedPlan } from './seed-plan.js';
import type { SeededDirectory } from './seeded-directory.js';
import { userBody } from './user-attributes.js';

export interface ApiSeedReport {
  /** Users created through the API (fewer than planned when the time bound cut the phase short). */
  readonly users: number;
  /** The first directory user index the API phase did not create (plan.users when it created all). */
  readonly nextIndex: number;
  readonly connections: number;
  readonly seconds: number;
  readonly usersPerSecond: number;
}

/**
 * The public path: the last `apiUsers` directory users are created with POST /Users, `connections` at a
 * time, as an identity provider's first sync would. Every one must answer 201. Bounded in time: after
 * `limitMs` no new request starts, and the caller writes the rest through the bulk path.
 */
export async function apiSeed(
  target: ScimTarget,
  plan: SeedPlan,
  directory: SeededDirectory,
  connections: number,
  limitMs: number,
): Promise<ApiSeedReport> {
  const first = plan.bulkUsers;
  let next = first;
  const started = performance.now();
  const worker = async () => {
    while (next < plan.users && performance.now() - started < limitMs) {
      const index = next++;
      const answer = await send(target, {
        method: 'POST',
        path: `${target.basePath}/Users`,
        body: JSON.stringify(userBody('user', index)),
      });
      if (answer.status !== 201) {
        throw new Error(
          `POST /Users for user ${index} answered ${answer.status}: ${answer.text.slice(0, 300)}`,
        );
      }
      const id = (JSON.parse(answer.text) as { id?: unknown }).id;
      if (typeof id !== 'string')
        throw new Error(`POST /Users answered without an id: ${answer.text.slice(0, 300)}`);
      directory.userIds[index] = id;
    }
  };
  await Promise.all(Array.from({ length: Math.min(connections, plan.apiUsers) }, worker));
  const seconds = (performance.now() - started) / 1000;
  const created = next - first;
  return { users: created, nextIndex: next, connections, seconds, usersPerSecond: created / seconds };
}
