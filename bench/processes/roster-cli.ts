import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { rosterMain } from './roster-paths.js';

const run = promisify(execFile);

export interface BenchIntegration {
  readonly id: string;
  readonly organizationId: string;
  readonly token: string;
}

/**
 * `roster integration create --name bench --json`: migrates the database, creates the default
 * organization and one integration, and prints its id and token.
 */
export async function createIntegrationWithCli(env: NodeJS.ProcessEnv): Promise<BenchIntegration> {
  let stdout: string;
  try {
    ({ stdout } = await run(
      process.execPath,
      [rosterMain, 'integration', 'create', '--name', 'bench', '--json'],
      {
        env,
        timeout: 120_000,
        maxBuffer: 1_048_576,
      },
    ));
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`roster integration create failed: ${detail || String(error)}`, { cause: error });
  }
  const parsed = JSON.parse(stdout) as { id?: unknown; organizationId?: unknown; token?: unknown };
  if (
    typeof parsed.id !== 'string' ||
    typeof parsed.organizationId !== 'string' ||
    typeof parsed.token !== 'string'
  ) {
    throw new Error(`roster integration create printed an unexpected document: ${stdout.slice(0, 500)}`);
  }
  return { id: parsed.id, organizationId: parsed.organizationId, token: parsed.token };
}

/** Any other `roster` command against the run's database (the same environment as the server). */
export async function runRosterCli(env: NodeJS.ProcessEnv, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [rosterMain, ...args], {
      env,
      timeout: 120_000,
      maxBuffer: 1_048_576,
    });
    return stdout;
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`roster ${args.join(' ')} failed: ${detail || String(error)}`, { cause: error });
  }
}
