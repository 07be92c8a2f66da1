import type { MachineDescription } from '../machine/describe-machine.js';
import type { EngineName } from '../options/parse-bench-options.js';
import type { ReferenceName } from '../reference/start-references.js';
import type { WorkloadName } from '../workloads/workload-names.js';

/** One row of the report; the figures are null when the workload did not run. */
export interface WorkloadResult {
  readonly name: WorkloadName;
  readonly status: 'ok' | 'unsupported' | 'failed';
  readonly rps: number | null;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  readonly maxMs: number | null;
  readonly errors: number | null;
  readonly reference: ReferenceName;
  /** rps divided by the reference server's rps. */
  readonly ratio: number | null;
  readonly requests: number | null;
  readonly connections: number | null;
  readonly unanswered?: number;
  /** Roster's CPU time (user + system) per request sent, in ms: the cost of a request on the server. */
  readonly cpuMsPerRequest?: number;
  /** cpuMsPerRequest divided by the reference's: how many floors a request costs (robust to a busy machine). */
  readonly cpuRatio?: number;
  /** Roster's resident set right after this workload (VmRSS), to see which workload grows it. */
  readonly serverRssAfterBytes?: number;
  readonly statusCounts?: Readonly<Record<string, number>>;
  readonly note?: string;
}

export interface ReferenceResult {
  readonly name: ReferenceName;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly errors: number;
  readonly requests: number;
  /** Throughput of each measurement (before and after the workloads); the figures above are the best. */
  readonly rpsRuns?: readonly number[];
  /** The reference process's CPU time per request in the run shown, in ms: the floor of CPU per request. */
  readonly cpuMsPerRequest?: number;
}

export interface SeedingReport {
  readonly bulk: {
    users: number;
    groups: number;
    memberships: number;
    seconds: number;
    usersPerSecond: number;
  };
  readonly api: {
    users: number;
    nextIndex: number;
    connections: number;
    seconds: number;
    usersPerSecond: number;
  };
  /** Users in the database after seeding (directory users plus member and candidate users). */
  readonly totalUsers: number;
  readonly dbBytesAfterSeeding: number;
}

export interface TargetCheck {
  readonly target: string;
  readonly verdict: 'met' | 'missed' | 'not measured';
  readonly detail: string;
}

/** The JSON a run writes (bench/results/ or --json FILE), stable so runs can be compared by tools. */
export interface BenchReport {
  readonly machine: MachineDescription;
  readonly engine: EngineName;
  readonly users: number;
  readonly workloads: readonly WorkloadResult[];
  readonly references: readonly ReferenceResult[];
  /** Peak resident set of the Roster server process (VmHWM) over the whole run. */
  readonly peakRssBytes: number | null;
  /** Database size at the end of the run (SQLite: file plus WAL). */
  readonly dbBytes: number;
  readonly seeding: SeedingReport;
  readonly settings: {
    readonly durationSeconds: number;
    readonly connections: number;
    readonly memberOps: number;
    readonly maxRequests: number;
  };
  readonly targets: readonly TargetCheck[];
  readonly startedAt: string;
  /** The 1-minute load average when the run ended (machine.loadAverage1m is the one at the start). */
  readonly loadAverageAtEnd: number;
  readonly command: string;
}
