import fc from 'fast-check';
import { RosterHarness, testEngines, type IntegrationHandle } from './roster-harness.js';
import { arbitraryScimRequest, type FuzzRequest } from './scim-fuzz-inputs.js';

/** One engine under fuzz: a real server, an integration, and the user and group `{user}`/`{group}` name. */
export interface FuzzTarget {
  readonly engine: string;
  readonly roster: RosterHarness;
  readonly idp: IntegrationHandle;
  readonly user: string;
  readonly group: string;
}

export interface FuzzReport {
  readonly sent: number;
  readonly byKind: Record<string, number>;
  readonly statuses: Record<string, number>;
  /** 5xx answers and requests the server never answered (a crash or a reset connection). */
  readonly failures: string[];
  /** Inputs the engines answered with different statuses. */
  readonly disagreements: string[];
  /** Requests over the time bound. */
  readonly slow: string[];
  readonly maxMs: number;
  readonly rssStartMb: number;
  readonly rssPeakMb: number;
  /** The peak over the first half of the run: a bounded process stops growing (rssPeakMb - this). */
  readonly rssPeakAtHalfMb: number;
}

export async function startFuzzTargets(): Promise<FuzzTarget[]> {
  return Promise.all(
    testEngines.map(async (engine) => {
      const roster = await RosterHarness.start(engine);
      const idp = await roster.createIntegration('fuzz');
      const user = await roster.request(idp, 'POST', '/Users', { userName: 'fuzz-base' });
      const group = await roster.request(idp, 'POST', '/Groups', {
        displayName: 'fuzz-base-group',
        members: [{ value: user.body.id }],
      });
      return { engine: engine.name, roster, idp, user: String(user.body.id), group: String(group.body.id) };
    }),
  );
}

async function send(target: FuzzTarget, request: FuzzRequest): Promise<{ status: number; ms: number }> {
  const path = request.path.replaceAll('{user}', target.user).replaceAll('{group}', target.group);
  const started = performance.now();
  const response = await fetch(`${target.idp.url}${path}`, {
    method: request.method,
    headers: {
      authorization: `Bearer ${target.idp.token}`,
      ...(request.body === undefined ? {} : { 'content-type': 'application/scim+json' }),
      ...request.headers,
    },
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  // Every error is an RFC 7644 body (a 304 has none).
  if (response.status >= 400 && !text.includes('urn:ietf:params:scim:api:messages:2.0:Error')) {
    throw new Error(`${response.status} without an RFC 7644 error body: ${text.slice(0, 200)}`);
  }
  return { status: response.status, ms };
}

const describeRequest = (request: FuzzRequest) =>
  JSON.stringify({ ...request, body: request.body?.slice(0, 600) });

/**
 * Sends `runs` generated requests (fixed `seed`) to every target, the same sequence to each, and
 * compares: no 5xx, no unanswered request, every request within `slowMs`, the same status on every
 * engine. RSS is sampled throughout (the servers run in this process).
 */
export async function runFuzz(
  targets: readonly FuzzTarget[],
  options: { runs: number; seed: number; slowMs: number; onProgress?: (report: FuzzReport) => void },
): Promise<FuzzReport> {
  const mb = () => Math.round(process.memoryUsage().rss / 1_048_576);
  const report = {
    sent: 0,
    byKind: {} as Record<string, number>,
    statuses: {} as Record<string, number>,
    failures: [] as string[],
    disagreements: [] as string[],
    slow: [] as string[],
    maxMs: 0,
    rssStartMb: mb(),
    rssPeakMb: mb(),
    rssPeakAtHalfMb: 0,
  };
  const batchSize = 500;
  for (let batch = 0; report.sent < options.runs; batch++) {
    const size = Math.min(batchSize, options.runs - report.sent);
    const inputs = fc.sample(arbitraryScimRequest, { numRuns: size, seed: options.seed + batch });
    for (const request of inputs) {
      const answers = await Promise.all(
        targets.map((target) =>
          send(target, request).catch((error: unknown) => ({ status: -1, ms: 0, error: String(error) })),
        ),
      );
      report.sent++;
      report.byKind[request.kind] = (report.byKind[request.kind] ?? 0) + 1;
      answers.forEach((answer, i) => {
        const engine = targets[i]!.engine;
        report.statuses[`${engine} ${answer.status}`] =
          (report.statuses[`${engine} ${answer.status}`] ?? 0) + 1;
        report.maxMs = Math.max(report.maxMs, answer.ms);
        if (answer.status < 0 || answer.status >= 500) {
          const why = 'error' in answer ? ` (${answer.error})` : '';
          report.failures.push(`${engine} ${answer.status}${why} ${describeRequest(request)}`);
        }
        if (answer.ms > options.slowMs)
          report.slow.push(`${engine} ${Math.round(answer.ms)} ms ${describeRequest(request)}`);
      });
      if (new Set(answers.map((a) => a.status)).size > 1) {
        const statuses = answers.map((a, i) => `${targets[i]!.engine} ${a.status}`).join(', ');
        report.disagreements.push(`${statuses}: ${describeRequest(request)}`);
      }
      if (report.sent % 100 === 0) report.rssPeakMb = Math.max(report.rssPeakMb, mb());
      if (report.sent === Math.floor(options.runs / 2)) report.rssPeakAtHalfMb = report.rssPeakMb;
    }
    options.onProgress?.(report);
  }
  report.rssPeakMb = Math.max(report.rssPeakMb, mb());
  return report;
}
