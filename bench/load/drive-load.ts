import autocannon from 'autocannon';
import { assertLoopback, requestHeaders, type HttpRequest, type HttpTarget } from '../http/http-request.js';
import { LatencyRecorder, type LatencySummary } from './latency-summary.js';

/**
 * One step of a request sequence. `cycle` numbers the sequences across all connections (0, 1, 2, ...),
 * so every step of one sequence talks about the same user.
 */
export type RequestStep = (cycle: number) => HttpRequest;

export interface LoadSpec {
  readonly target: HttpTarget;
  /** Each connection sends these in order, again and again. */
  readonly steps: readonly RequestStep[];
  readonly connections: number;
  readonly durationSeconds: number;
  /** The run stops at this many requests even if time is left. */
  readonly maxRequests: number;
  /** The first cycle number (the probe may have used some). */
  readonly firstCycle: number;
  /** Told of every response with the cycle and step it answered. */
  readonly onResponse?: (cycle: number, step: number, status: number) => void;
}

export interface LoadMeasurement extends LatencySummary {
  readonly requests: number;
  readonly seconds: number;
  readonly rps: number;
  /** Connection errors, timeouts and non-2xx answers. */
  readonly errors: number;
  /** Requests sent but not answered when time ran out (the latency figures cover answered ones only). */
  readonly unanswered: number;
  readonly statusCounts: Readonly<Record<string, number>>;
  /** The next unused cycle number. */
  readonly nextCycle: number;
}

interface ConnectionContext {
  cycle?: number;
}

/** Drives load with autocannon, bounded by time and by count, and measures every response. */
export async function driveLoad(spec: LoadSpec): Promise<LoadMeasurement> {
  assertLoopback(spec.target.origin);
  let nextCycle = spec.firstCycle;
  let sent = 0;
  const latencies = new LatencyRecorder(spec.maxRequests + spec.connections);
  const statusCounts: Record<string, number> = {};

  const requests = spec.steps.map((step, index) => ({
    setupRequest: (request: autocannon.Request, context: object): autocannon.Request => {
      const state = context as ConnectionContext;
      // Called exactly once per request written: autocannon builds each request just before sending it.
      sent++;
      if (index === 0 || state.cycle === undefined) state.cycle = nextCycle++;
      const built = step(state.cycle);
      return {
        ...request,
        method: built.method,
        path: built.path,
        headers: requestHeaders(spec.target, built),
        ...(built.body === undefined ? {} : { body: built.body }),
      };
    },
    ...(spec.onResponse
      ? {
          onResponse: (status: number, _body: string, context: object) => {
            const cycle = (context as ConnectionContext).cycle;
            if (cycle !== undefined) spec.onResponse?.(cycle, index, status);
          },
        }
      : {}),
  }));

  let guard: NodeJS.Timeout | undefined;
  const startedAt = performance.now();
  let lastResponseAt = startedAt;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.target.origin,
        connections: Math.min(spec.connections, spec.maxRequests),
        duration: spec.durationSeconds,
        maxOverallRequests: spec.maxRequests,
        requests,
        timeout: 30,
      },
      (error, done) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      lastResponseAt = performance.now();
      latencies.record(responseTime);
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
    });
    // autocannon stops itself at the duration or the count; this only guards against it hanging.
    guard = setTimeout(() => instance.stop(), (spec.durationSeconds + 60) * 1000);
  }).finally(() => clearTimeout(guard));

  const requestsDone = Object.values(statusCounts).reduce((sum, n) => sum + n, 0);
  // autocannon notices the end only at its next one-second tick, so its duration can be up to a second
  // long when the count bound ends a run; the first request to the last answer is the true span.
  const seconds = lastResponseAt > startedAt ? (lastResponseAt - startedAt) / 1000 : result.duration;
  return {
    requests: requestsDone,
    seconds,
    rps: seconds > 0 ? requestsDone / seconds : 0,
    errors: result.errors + result.non2xx,
    unanswered: Math.max(0, sent - requestsDone - result.errors),
    statusCounts,
    nextCycle,
    ...latencies.summary(),
  };
}
