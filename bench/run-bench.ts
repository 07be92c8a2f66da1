/**
 * `npm run bench`: Roster against the speed limit of its own machine. See bench/README.md.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBenchSession } from './bench-session.js';
import { parseBenchOptions, usage } from './options/parse-bench-options.js';
import { CleanupStack } from './processes/cleanup-stack.js';
import { repositoryRoot } from './processes/roster-paths.js';
import { formatReport } from './report/format-report.js';
import { writeReport } from './report/write-report.js';

const started = performance.now();
const log = (line: string) =>
  process.stderr.write(
    `[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`,
  );

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseBenchOptions(argv);
  if (!parsed.ok) {
    if (parsed.help) {
      console.log(usage);
      return 0;
    }
    console.error(parsed.problems.join('\n') + '\n\n' + usage);
    return 2;
  }
  const options = parsed.value;
  const command = ['npm run bench --', ...argv].join(' ').replace(/ --$/, '');
  const workDir = await mkdtemp(join(tmpdir(), 'roster-bench-'));
  const cleanup = new CleanupStack();
  const interrupted = async (signal: string) => {
    log(`${signal}: stopping the servers`);
    await cleanup.run(log);
    process.exit(130);
  };
  process.once('SIGINT', () => void interrupted('SIGINT'));
  process.once('SIGTERM', () => void interrupted('SIGTERM'));

  try {
    const report = await runBenchSession(options, workDir, cleanup, log, command);
    await cleanup.run(log);
    console.log(formatReport(report));
    const path = await writeReport(report, options.jsonFile, repositoryRoot);
    console.log(`\nJSON: ${path}`);
    return 0;
  } catch (error) {
    log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await cleanup.run(log);
    if (options.keep) log(`kept ${workDir}`);
    else await rm(workDir, { recursive: true, force: true });
  }
}

// Exit explicitly: a pool or keep-alive socket left open must not keep the process alive.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
