import { describeAnswer, send, type HttpAnswer } from '../http/http-request.js';
import { driveLoad, type LoadMeasurement } from '../load/drive-load.js';
import type { Verdict, Workload, WorkloadContext } from './workload.js';

export type WorkloadOutcome =
  | {
      readonly status: 'ok';
      readonly measurement: LoadMeasurement;
      readonly connections: number;
      /** Server CPU (user + system) per request sent, in ms; undefined where /proc is not readable. */
      readonly cpuMsPerRequest: number | undefined;
      readonly note?: string;
    }
  | ({ readonly status: 'unsupported' | 'failed' } & Verdict & { readonly note?: string });

/**
 * Prepares a workload, sends its first request sequence once as a probe, and drives load only when the
 * probe shows the server does what the workload measures. 501, or a 4xx for a feature discovery says is
 * missing, or an answer that ignores the feature, makes it `unsupported`; never an aborted run.
 */
export async function runWorkload(workload: Workload, context: WorkloadContext): Promise<WorkloadOutcome> {
  const backlogMs = await context.settle();
  const prepared = await workload.prepare(context);
  if (!prepared.ok) return prepared;
  const load = prepared.load;

  const target = load.target ?? context.target;
  const answers: HttpAnswer[] = [];
  for (const [index, step] of load.steps.entries()) {
    const answer = await send(target, step(0));
    load.onResponse?.(0, index, answer.status);
    answers.push(answer);
    const verdict = probeVerdict(workload, context, answer);
    if (verdict) return { ...verdict, ...(load.note ? { note: load.note } : {}) };
  }
  const verdict = load.verify?.(answers);
  if (verdict) return verdict;

  const remaining = load.maxRequests - load.steps.length;
  if (remaining < 1) return { status: 'failed', reason: 'nothing left to measure after the probe' };
  await context.settle();
  const cpuBefore = await context.serverCpuSeconds();
  const measurement = await driveLoad({
    target,
    steps: load.steps,
    connections: load.connections,
    durationSeconds: context.options.durationSeconds,
    maxRequests: remaining,
    firstCycle: 1,
    ...(load.onResponse ? { onResponse: load.onResponse } : {}),
  });
  // Requests still in flight at the end are executed all the same: wait for them, count them.
  await context.settle();
  const cpuAfter = await context.serverCpuSeconds();
  const sent = measurement.requests + measurement.unanswered;
  const cpuMsPerRequest =
    cpuBefore === undefined || cpuAfter === undefined || sent === 0
      ? undefined
      : ((cpuAfter - cpuBefore) * 1000) / sent;
  const discoveryNote =
    workload.feature === 'patch' && !context.discovery.patch
      ? 'ServiceProviderConfig says patch.supported=false, yet PATCH works'
      : undefined;
  if (measurement.requests === 0) {
    return {
      status: 'failed',
      reason: `no request was answered within ${context.options.durationSeconds} s (${measurement.unanswered} sent)`,
    };
  }
  const notes = [
    load.note,
    discoveryNote,
    backlogMs > 1000
      ? `the server needed ${(backlogMs / 1000).toFixed(1)} s to finish the previous workload first`
      : undefined,
    // Up to one request per connection is always in flight at the end; it matters when requests are slow.
    measurement.unanswered > 0 && measurement.requests < 20 * measurement.unanswered
      ? `${measurement.unanswered} requests still unanswered when time ran out (not in the latencies)`
      : undefined,
  ];
  const note = notes.filter((n) => n !== undefined).join('; ');
  return {
    status: 'ok',
    measurement,
    connections: load.connections,
    cpuMsPerRequest,
    ...(note ? { note } : {}),
  };
}

function probeVerdict(workload: Workload, context: WorkloadContext, answer: HttpAnswer): Verdict | undefined {
  if (answer.status >= 200 && answer.status < 300) return undefined;
  const described = describeAnswer(answer);
  if (answer.status === 501) return { status: 'unsupported', reason: described };
  const advertised =
    workload.feature === 'patch'
      ? context.discovery.patch
      : workload.feature === 'cursor'
        ? context.discovery.cursor
        : true;
  if (workload.feature && !advertised && [400, 404, 405].includes(answer.status)) {
    return { status: 'unsupported', reason: `${described} (ServiceProviderConfig: not supported)` };
  }
  return { status: 'failed', reason: `first request answered ${described}` };
}

/** One progress line for a finished workload. */
export function describeOutcome(outcome: WorkloadOutcome): string {
  if (outcome.status !== 'ok') return `  ${outcome.status}: ${outcome.reason}`;
  const m = outcome.measurement;
  const note = outcome.note ? ` (${outcome.note})` : '';
  const cpu =
    outcome.cpuMsPerRequest === undefined ? '' : `, ${outcome.cpuMsPerRequest.toFixed(3)} ms CPU/request`;
  return `  ${Math.round(m.rps).toLocaleString('en')} req/s, p50 ${m.p50Ms.toFixed(2)} ms, p99 ${m.p99Ms.toFixed(2)} ms, ${m.errors} errors${cpu}${note}`;
}
