import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { BenchReport } from './bench-report.js';

/** Writes the JSON report to `file`, or to bench/results/<time>-<engine>-<users>.json; returns the path. */
export async function writeReport(
  report: BenchReport,
  file: string | undefined,
  repositoryRoot: string,
): Promise<string> {
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const path = file
    ? resolve(file)
    : join(repositoryRoot, 'bench', 'results', `${stamp}-${report.engine}-${report.users}.json`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(report, null, 2) + '\n');
  return path;
}
