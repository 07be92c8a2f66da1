import { join } from 'node:path';
import { ChildServer } from './child-server.js';
import { rosterMain } from './roster-paths.js';

/**
 * `roster serve` from the built code; ready when it prints "Roster is listening on URL".
 * BENCH_ROSTER_NODE_ARGS (space-separated) goes to the server's Node only, e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/profiles` for a profile of the server under the workloads.
 */
export function startRoster(env: NodeJS.ProcessEnv, workDir: string): Promise<ChildServer> {
  return ChildServer.start({
    name: 'Roster',
    script: rosterMain,
    args: ['serve'],
    env,
    readyLine: /Roster is listening on (http:\/\/127\.0\.0\.1:\d+)/,
    startTimeoutMs: 120_000,
    logFile: join(workDir, 'roster.log'),
    nodeArgs: (process.env.BENCH_ROSTER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== ''),
  });
}
