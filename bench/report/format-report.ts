import type { BenchReport } from './bench-report.js';

const MB = 1024 * 1024;

const integer = (value: number | null) => (value === null ? '–' : Math.round(value).toLocaleString('en'));
const ms = (value: number | null) =>
  value === null ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(1);

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The run as Markdown: what README's "Performance" section shows. */
export function formatReport(report: BenchReport): string {
  const m = report.machine;
  const s = report.seeding;
  const lines = [
    `Machine: ${m.cpuModel}, ${m.cpus} cores, ${Math.round(m.memoryBytes / 1024 ** 3)} GiB, ${m.os}; Node ${m.node}, SQLite ${m.sqlite}${m.commit ? `; commit ${m.commit}` : ''}; load average ${m.loadAverage1m.toFixed(2)} at the start, ${report.loadAverageAtEnd.toFixed(2)} at the end`,
    `Command: \`${report.command}\``,
    `Engine: ${report.engine}; ${report.users.toLocaleString('en')} users (${s.totalUsers.toLocaleString('en')} user rows with group member and candidate users); ${report.settings.durationSeconds} s per workload, ${report.settings.connections} connections`,
    '',
    table(
      [
        'workload',
        'req/s',
        'p50 ms',
        'p99 ms',
        'max ms',
        'errors',
        'CPU ms/req',
        'CPU × floor',
        'vs reference',
        'note',
      ],
      report.workloads.map((w) => [
        w.name,
        w.status === 'ok' ? integer(w.rps) : `**${w.status}**`,
        ms(w.p50Ms),
        ms(w.p99Ms),
        ms(w.maxMs),
        integer(w.errors),
        w.cpuMsPerRequest === undefined ? '–' : w.cpuMsPerRequest.toFixed(3),
        w.cpuRatio === undefined ? '–' : `${w.cpuRatio.toFixed(1)}x`,
        w.ratio === null ? w.reference : `${Math.round(w.ratio * 100)}% of ${w.reference}`,
        (w.note ?? '').replaceAll('|', '\\|'),
      ]),
    ),
    '',
    'Reference servers (bare node:http on the same machine, same connections and duration; measured before and after the workloads, the better run shown):',
    '',
    table(
      ['reference', 'req/s', 'CPU ms/req', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'runs (req/s)'],
      report.references.map((r) => [
        r.name,
        integer(r.rps),
        r.cpuMsPerRequest === undefined ? '–' : r.cpuMsPerRequest.toFixed(3),
        ms(r.p50Ms),
        ms(r.p99Ms),
        ms(r.maxMs),
        integer(r.errors),
        (r.rpsRuns ?? [r.rps]).map(integer).join(', '),
      ]),
    ),
    '',
    `Seeding: ${s.bulk.users.toLocaleString('en')} users and ${s.bulk.groups.toLocaleString('en')} groups (${s.bulk.memberships.toLocaleString('en')} memberships) through the store in ${s.bulk.seconds.toFixed(1)} s (${integer(s.bulk.usersPerSecond)} resources/s); ${s.api.users.toLocaleString('en')} users through POST /Users in ${s.api.seconds.toFixed(1)} s (${integer(s.api.usersPerSecond)} users/s at ${s.api.connections} connections).`,
    `Roster peak RSS: ${report.peakRssBytes === null ? 'not measured' : `${Math.round(report.peakRssBytes / MB)} MB`}; database: ${Math.round(s.dbBytesAfterSeeding / MB)} MB after seeding, ${Math.round(report.dbBytes / MB)} MB at the end.`,
    '',
    table(
      ['target', 'verdict', 'figure'],
      report.targets.map((t) => [t.target, t.verdict, t.detail]),
    ),
  ];
  return lines.join('\n');
}
