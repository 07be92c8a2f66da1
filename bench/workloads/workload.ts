import type { HttpAnswer, HttpTarget, ScimTarget } from '../http/http-request.js';
import type { RequestStep } from '../load/drive-load.js';
import type { BenchOptions } from '../options/parse-bench-options.js';
import type { FloorKind } from '../reference/start-references.js';
import type { SeedPlan } from '../seed/seed-plan.js';
import type { SeededDirectory } from '../seed/seeded-directory.js';
import type { Discovery } from './discovery.js';
import type { MemberLedger } from './member-ledger.js';
import type { WorkloadName } from './workload-names.js';

/** What every workload may use: the server, what was seeded, and what the server says it supports. */
export interface WorkloadContext {
  readonly options: BenchOptions;
  readonly target: ScimTarget;
  readonly plan: SeedPlan;
  readonly directory: SeededDirectory;
  /** Directory user indices in a fixed random order; request n targets sample[n % length]. */
  readonly sample: readonly number[];
  readonly discovery: Discovery;
  readonly members: MemberLedger;
  /** Unique per run, so names created by one run never collide with another's. */
  readonly runTag: string;
  /** Waits until the server has finished the previous run's work; returns the milliseconds waited. */
  readonly settle: () => Promise<number>;
  /** The server process's CPU seconds so far (user + system), for CPU per request. */
  readonly serverCpuSeconds: () => Promise<number | undefined>;
  /** Directory user indices created through POST /Users (so they have identities): [from, to). */
  readonly apiUsers: { readonly from: number; readonly to: number };
  /** The integration the target belongs to (the admin API names both). */
  readonly integration: { readonly id: string; readonly organizationId: string };
  /** Runs one `roster` CLI command against the run's database; resolves to its stdout. */
  readonly cli: (args: readonly string[]) => Promise<string>;
}

/** Why a workload did not run, or ran into trouble, as the report shows it. */
export interface Verdict {
  readonly status: 'unsupported' | 'failed';
  readonly reason: string;
}

export interface PreparedLoad {
  /** Where the load goes when not to the SCIM endpoint (the admin API). */
  readonly target?: HttpTarget;
  readonly steps: readonly RequestStep[];
  readonly connections: number;
  /** The most requests this workload may send (the probe's included). */
  readonly maxRequests: number;
  readonly onResponse?: (cycle: number, step: number, status: number) => void;
  /** Looks at the probe's answers (one per step, all 2xx): undefined when the workload measures what it should. */
  readonly verify?: (answers: readonly HttpAnswer[]) => Verdict | undefined;
  /** A fact worth printing beside the figures (e.g. the page a deep cursor reached). */
  readonly note?: string;
}

export type Preparation =
  { readonly ok: true; readonly load: PreparedLoad } | ({ readonly ok: false } & Verdict);

export interface Workload {
  readonly name: WorkloadName;
  /** What bounds this workload (one read, one insert): its reference server on the run's engine. */
  readonly floor: FloorKind;
  /** A capability beyond create/read/filter/index pages, as /ServiceProviderConfig names it. */
  readonly feature?: 'patch' | 'cursor' | 'excludedAttributes';
  /** What it sends, in one line (bench/README.md has the same). */
  readonly sends: string;
  prepare(context: WorkloadContext): Promise<Preparation>;
}

/** The JSON body of a probe answer, or undefined. */
export function answerJson(answer: HttpAnswer | undefined): Record<string, unknown> | undefined {
  if (!answer) return undefined;
  try {
    const value = JSON.parse(answer.text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The user id for request `cycle` of a workload that walks the sample from `offset`. */
export function sampledUser(
  context: WorkloadContext,
  cycle: number,
  offset = 0,
): { index: number; id: string } {
  const sample = context.sample;
  const index = sample[(cycle + offset) % sample.length] ?? 0;
  const id = context.directory.userIds[index];
  if (id === undefined) throw new Error(`user ${index} was not seeded`);
  return { index, id };
}

export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export function patchBody(operations: readonly Record<string, unknown>[]): string {
  return JSON.stringify({ schemas: [PATCH_OP_SCHEMA], Operations: operations });
}

/** A load at the run's connection count and request bound: what nearly every workload prepares. */
export function steadyLoad(
  context: WorkloadContext,
  load: Omit<PreparedLoad, 'connections' | 'maxRequests'>,
): Preparation {
  return {
    ok: true,
    load: { connections: context.options.connections, maxRequests: context.options.maxRequests, ...load },
  };
}
