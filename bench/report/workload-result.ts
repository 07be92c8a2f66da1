import type { ReferenceName } from '../reference/start-references.js';
import type { Workload } from '../workloads/workload.js';
import type { WorkloadOutcome } from '../workloads/run-workload.js';
import type { ReferenceResult, WorkloadResult } from './bench-report.js';

/** A workload's outcome as a report row, with its ratio to its floor reference's throughput and CPU. */
export function workloadResult(
  workload: Workload,
  floor: ReferenceName,
  outcome: WorkloadOutcome,
  references: readonly ReferenceResult[],
): WorkloadResult {
  const base = { name: workload.name, reference: floor };
  if (outcome.status !== 'ok') {
    return {
      ...base,
      status: outcome.status,
      rps: null,
      p50Ms: null,
      p99Ms: null,
      maxMs: null,
      errors: null,
      ratio: null,
      requests: null,
      connections: null,
      note: outcome.reason,
    };
  }
  const m = outcome.measurement;
  const reference = references.find((r) => r.name === floor);
  return {
    ...base,
    status: 'ok',
    rps: m.rps,
    p50Ms: m.p50Ms,
    p99Ms: m.p99Ms,
    maxMs: m.maxMs,
    errors: m.errors,
    ratio: reference && reference.rps > 0 ? m.rps / reference.rps : null,
    requests: m.requests,
    connections: outcome.connections,
    unanswered: m.unanswered,
    ...(outcome.cpuMsPerRequest === undefined ? {} : { cpuMsPerRequest: outcome.cpuMsPerRequest }),
    ...(outcome.cpuMsPerRequest !== undefined && reference?.cpuMsPerRequest
      ? { cpuRatio: outcome.cpuMsPerRequest / reference.cpuMsPerRequest }
      : {}),
    statusCounts: m.statusCounts,
    ...(outcome.note ? { note: outcome.note } : {}),
  };
}
