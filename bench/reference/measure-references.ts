import { send } from '../http/http-request.js';
import { driveLoad, type RequestStep } from '../load/drive-load.js';
import type { ChildServer } from '../processes/child-server.js';
import type { CleanupStack } from '../processes/cleanup-stack.js';
import type { ReferenceResult } from '../report/bench-report.js';
import { userBody } from '../seed/user-attributes.js';
import { cpuSeconds } from '../processes/wait-until-idle.js';
import { startReference, type ReferenceName } from './start-references.js';

export interface ReferenceInputs {
  readonly workDir: string;
  /** A real Roster GET /Users/{id} answer: the HTTP reference sends these bytes. */
  readonly httpBody: string;
  readonly databaseFile: string;
  /** Roster's own database when it runs on PostgreSQL: the pg references work on it. */
  readonly databaseUrl: string | undefined;
  /** Ids in the reference database, in the order the read requests use them. */
  readonly readIds: readonly string[];
  /** The same users' ids in Roster's database (the pg references read it). */
  readonly rosterReadIds: readonly string[];
  readonly users: number;
  readonly runTag: string;
  /** The headers Roster's requests carry (bearer token, accept), so both parse the same request. */
  readonly headers: Readonly<Record<string, string>>;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly maxRequests: number;
}

function stepsFor(name: ReferenceName, inputs: ReferenceInputs): RequestStep[] {
  switch (name) {
    case 'http':
      return [() => ({ method: 'GET', path: '/' })];
    case 'sqlite-read':
      return [
        (cycle) => ({ method: 'GET', path: `/read/${inputs.readIds[cycle % inputs.readIds.length] ?? ''}` }),
      ];
    case 'pg-read':
      return [
        (cycle) => ({
          method: 'GET',
          path: `/read/${inputs.rosterReadIds[cycle % inputs.rosterReadIds.length] ?? ''}`,
        }),
      ];
    case 'sqlite-insert':
    case 'pg-insert':
    case 'scimmy':
      // The same body the create workload sends to Roster.
      return [
        (cycle) => ({
          method: 'POST',
          path: name === 'scimmy' ? '/scim/Users' : '/insert',
          body: JSON.stringify(
            userBody('user', inputs.users + cycle, `reference-${inputs.runTag}-${cycle}@example.com`),
          ),
        }),
      ];
  }
}

/** Starts each reference server in turn, loads it like a workload, stops it. */
export async function measureReferences(
  names: readonly ReferenceName[],
  inputs: ReferenceInputs,
  cleanup: CleanupStack,
  log: (line: string) => void,
): Promise<ReferenceResult[]> {
  const results: ReferenceResult[] = [];
  for (const name of names) {
    const server: ChildServer = await startReference(name, inputs.workDir, inputs);
    cleanup.push(server.name, () => server.stop());
    try {
      const target = { origin: server.url, headers: inputs.headers };
      const steps = stepsFor(name, inputs);
      const probe = await send(target, steps[0]?.(0) ?? { method: 'GET', path: '/' });
      if (probe.status >= 300)
        throw new Error(`reference ${name} answered ${probe.status}: ${probe.text.slice(0, 200)}`);
      const cpuBefore = await cpuSeconds(server.pid);
      const m = await driveLoad({
        target,
        steps,
        connections: inputs.connections,
        durationSeconds: inputs.durationSeconds,
        maxRequests: inputs.maxRequests,
        firstCycle: 1,
      });
      const cpuAfter = await cpuSeconds(server.pid);
      const cpuMsPerRequest =
        cpuBefore === undefined || cpuAfter === undefined || m.requests === 0
          ? undefined
          : ((cpuAfter - cpuBefore) * 1000) / m.requests;
      results.push({
        name,
        ...(cpuMsPerRequest === undefined ? {} : { cpuMsPerRequest }),
        rps: m.rps,
        p50Ms: m.p50Ms,
        p99Ms: m.p99Ms,
        maxMs: m.maxMs,
        errors: m.errors,
        requests: m.requests,
      });
      const cpu = cpuMsPerRequest === undefined ? '' : `, ${cpuMsPerRequest.toFixed(3)} ms CPU/request`;
      log(
        `reference ${name}: ${Math.round(m.rps).toLocaleString('en')} req/s, p99 ${m.p99Ms.toFixed(2)} ms, ${m.errors} errors${cpu}`,
      );
    } finally {
      await server.stop();
    }
  }
  return results;
}

/** Per reference, the run with the higher throughput; `rpsRuns` keeps both figures. */
export function bestReferences(
  first: readonly ReferenceResult[],
  second: readonly ReferenceResult[],
): ReferenceResult[] {
  return first.map((a) => {
    const b = second.find((r) => r.name === a.name);
    const best = b && b.rps > a.rps ? b : a;
    // The floor of CPU per request is the cheaper of the two runs, whichever was faster.
    const cpus = [a.cpuMsPerRequest, b?.cpuMsPerRequest].filter((c): c is number => c !== undefined);
    return {
      ...best,
      rpsRuns: b ? [a.rps, b.rps] : [a.rps],
      ...(cpus.length > 0 ? { cpuMsPerRequest: Math.min(...cpus) } : {}),
    };
  });
}
