import { execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeRequirement, satisfiesRange } from '../src/cli/supported-node.js';
import { CLI, freePort } from './support/spawn-roster.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'roster.js');

/** The machine's own Node, older than the engines range: what `./bin/roster.js` meets on this PATH. */
const SYSTEM_NODE = '/usr/bin/node';
const range = nodeRequirement(import.meta.url);
const systemVersion = existsSync(SYSTEM_NODE)
  ? (await run(SYSTEM_NODE, ['-p', 'process.versions.node'])).stdout.trim()
  : undefined;
const skipReason =
  systemVersion === undefined
    ? `${SYSTEM_NODE} does not exist on this machine, so there is no older Node to run the bin with`
    : satisfiesRange(systemVersion, range)
      ? `${SYSTEM_NODE} is Node ${systemVersion}, which already satisfies ${range}: nothing to re-execute`
      : undefined;

const dataDir = mkdtempSync(join(tmpdir(), 'roster-bin-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function outcome(file: string, args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(file, args, { env: { ...process.env, ...env }, timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe.skipIf(skipReason !== undefined)(
  `the roster bin run by ${SYSTEM_NODE} (Node ${systemVersion})`,
  () => {
    const env = { ROSTER_DATABASE_URL: `sqlite:${join(dataDir, 'roster.db')}`, ROSTER_LOG_LEVEL: 'warn' };

    it('re-executes itself under the project Node: opening the database works, exit codes pass through', async () => {
      const listed = await outcome(SYSTEM_NODE, [bin, 'integration', 'list'], env);
      expect(listed).toEqual({ code: 0, stdout: 'No integrations.\n', stderr: '' });

      const refused = await outcome(SYSTEM_NODE, [bin, 'integration', 'rotate-token', 'nope'], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe('Error: No integration with id or name "nope" in this organization.\n');
    });

    it('passes SIGTERM on to the server it re-executed, which shuts down gracefully', async () => {
      const port = await freePort();
      const child = spawn(SYSTEM_NODE, [bin, 'serve'], {
        env: { ...process.env, ...env, ROSTER_PORT: String(port), ROSTER_LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start:\n${output}`)), 20_000);
        child.stdout.on('data', () => {
          if (output.includes('Roster is listening on')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('"msg":"stopped"');
    });

    it('says in one sentence what to do when the project Node is not installed', async () => {
      // A copy of the package without node_modules: the bin and package.json, the build linked in.
      const bare = mkdtempSync(join(tmpdir(), 'roster-bare-'));
      try {
        mkdirSync(join(bare, 'bin'));
        copyFileSync(bin, join(bare, 'bin', 'roster.js'));
        copyFileSync(join(root, 'package.json'), join(bare, 'package.json'));
        symlinkSync(join(root, 'dist'), join(bare, 'dist'));
        const failed = await outcome(
          SYSTEM_NODE,
          [join(bare, 'bin', 'roster.js'), 'integration', 'list'],
          env,
        );
        expect(failed.code).toBe(1);
        expect(failed.stdout).toBe('');
        expect(failed.stderr).toBe(
          `Roster needs Node.js ${range} but this is Node.js ${systemVersion}; run "npm install" (it installs ` +
            `the Node.js Roster uses) or put Node.js ${range.replace(/^>=\s*/, '')} or later on the PATH.\n`,
        );
      } finally {
        rmSync(bare, { recursive: true, force: true });
      }
    });

    it('refuses to run the built entry point directly under the old Node, instead of crashing', async () => {
      const direct = await outcome(SYSTEM_NODE, [CLI, 'integration', 'list'], env);
      expect(direct.code).toBe(1);
      expect(direct.stderr).toContain(
        `Roster needs Node.js ${range} but this is Node.js ${systemVersion}; run it as`,
      );
    });
  },
);
