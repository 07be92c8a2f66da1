import { parseArgs } from 'node:util';
import { workloadNames, type WorkloadName } from '../workloads/workload-names.js';

export type EngineName = 'sqlite' | 'postgres';

/** Everything `npm run bench -- ...` accepts, validated once. */
export interface BenchOptions {
  readonly users: number;
  readonly durationSeconds: number;
  readonly connections: number;
  readonly workloads: readonly WorkloadName[];
  readonly engine: EngineName;
  readonly jsonFile: string | undefined;
  /** How many of the users are created through POST /Users to measure the API's seeding rate. */
  readonly apiUsers: number;
  /** Upper bound on the requests of each member-add / member-remove workload (and the candidates seeded). */
  readonly memberOps: number;
  /** Upper bound on the requests of any one load run. */
  readonly maxRequests: number;
  /** Administrative connection used to create and drop the benchmark database (PostgreSQL only). */
  readonly postgresAdminUrl: string;
  /** Keep the temporary directory (databases, logs) instead of deleting it. */
  readonly keep: boolean;
}

export type ParsedOptions =
  | { readonly ok: true; readonly value: BenchOptions }
  | { readonly ok: false; readonly help: boolean; readonly problems: readonly string[] };

export const usage = `Usage: npm run bench -- [options]

  --users N             users in the directory (default 100000)
  --duration SECONDS    load time per workload and per reference server (default 10)
  --connections C       concurrent connections (default 16; idp-mix always uses 16)
  --workloads a,b,...   workloads to run (default: all), from:
                        ${workloadNames.join(', ')}
  --engine sqlite|postgres   (default sqlite)
  --json FILE           where to write the JSON report (default bench/results/<time>-<engine>-<users>.json)
  --api-users N         users created through POST /Users to measure the API rate (default min(2000, users/10))
  --member-ops N        requests bound of each member-add/remove workload (default 10000)
  --max-requests N      requests bound of any one load run (default 1000000)
  --postgres-url URL    admin URL for creating the database (default postgres://postgres@127.0.0.1:5432/postgres)
  --keep                keep the temporary directory with the databases and server logs
  --help`;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function parseBenchOptions(argv: readonly string[]): ParsedOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        users: { type: 'string' },
        duration: { type: 'string' },
        connections: { type: 'string' },
        workloads: { type: 'string' },
        engine: { type: 'string' },
        json: { type: 'string' },
        'api-users': { type: 'string' },
        'member-ops': { type: 'string' },
        'max-requests': { type: 'string' },
        'postgres-url': { type: 'string' },
        keep: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    return { ok: false, help: false, problems: [error instanceof Error ? error.message : String(error)] };
  }
  if (values.help) return { ok: false, help: true, problems: [] };

  const problems: string[] = [];
  const integer = (name: string, raw: string | undefined, fallback: number, min: number, max: number) => {
    if (raw === undefined) return fallback;
    const text = raw.replaceAll('_', '');
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max) {
      problems.push(`--${name} must be a whole number from ${min} to ${max}; got ${JSON.stringify(raw)}.`);
      return fallback;
    }
    return value;
  };

  const users = integer('users', values.users, 100_000, 100, 10_000_000);
  const durationSeconds = integer('duration', values.duration, 10, 1, 3600);
  const connections = integer('connections', values.connections, 16, 1, 1024);
  const apiUsers = integer('api-users', values['api-users'], Math.min(2000, Math.ceil(users / 10)), 1, users);
  const memberOps = integer('member-ops', values['member-ops'], 10_000, 100, 1_000_000);
  const maxRequests = integer('max-requests', values['max-requests'], 1_000_000, 1024, 100_000_000);

  const engine = values.engine ?? 'sqlite';
  if (engine !== 'sqlite' && engine !== 'postgres') {
    problems.push(`--engine must be sqlite or postgres; got ${JSON.stringify(engine)}.`);
  }

  const workloads = parseWorkloads(values.workloads, problems);

  const postgresAdminUrl = values['postgres-url'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  try {
    const url = new URL(postgresAdminUrl);
    if (!/^postgres(ql)?:$/.test(url.protocol)) throw new Error('scheme');
    // The benchmark only ever talks to this machine.
    if (!LOOPBACK_HOSTS.has(url.hostname)) {
      problems.push(`--postgres-url must point at 127.0.0.1; got host ${JSON.stringify(url.hostname)}.`);
    }
  } catch {
    problems.push(`--postgres-url must be a postgres:// URL; got ${JSON.stringify(postgresAdminUrl)}.`);
  }

  if (problems.length > 0) return { ok: false, help: false, problems };
  return {
    ok: true,
    value: Object.freeze({
      users,
      durationSeconds,
      connections,
      workloads,
      engine: engine as EngineName,
      jsonFile: values.json,
      apiUsers,
      memberOps,
      maxRequests,
      postgresAdminUrl,
      keep: values.keep ?? false,
    }),
  };
}

function parseWorkloads(raw: string | undefined, problems: string[]): readonly WorkloadName[] {
  if (raw === undefined || raw.trim() === '' || raw.trim() === 'all') return workloadNames;
  const wanted = raw
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const known = new Set<string>(workloadNames);
  const unknown = wanted.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    problems.push(`Unknown workload(s) ${unknown.join(', ')}; known: ${workloadNames.join(', ')}.`);
  }
  // Run in the catalog's order whatever order they were named in (member-add before member-remove).
  return workloadNames.filter((name) => wanted.includes(name));
}
