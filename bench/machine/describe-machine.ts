import { execFileSync } from 'node:child_process';
import os from 'node:os';
import BetterSqlite3 from 'better-sqlite3';

export interface MachineDescription {
  readonly cpuModel: string;
  readonly cpus: number;
  readonly memoryBytes: number;
  readonly os: string;
  readonly node: string;
  readonly sqlite: string;
  /** The 1-minute load average at the start: above ~0.5 something else is using the CPU. */
  readonly loadAverage1m: number;
  /** The commit the code was built from, when the repository is a git checkout. */
  readonly commit: string | undefined;
}

export function describeMachine(repositoryRoot: string): MachineDescription {
  const memory = new BetterSqlite3(':memory:');
  const sqlite = (memory.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  memory.close();
  let commit: string | undefined;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: repositoryRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    commit = undefined;
  }
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    cpus: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    sqlite,
    loadAverage1m: os.loadavg()[0] ?? 0,
    commit,
  };
}
