import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * End-to-end suites spawn the built server and CLI. Build before any suite runs, so a suite never runs
 * a stale `dist/` (the build is incremental: a second one with nothing changed takes a moment).
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  try {
    // The same two passes as `npm run build`: the server and CLI, then the typed client (roster/client).
    for (const project of ['tsconfig.build.json', 'tsconfig.client.json'])
      execFileSync(process.execPath, [tsc, '-p', project], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
    throw new Error(`The build failed, so no suite would test the code as it is:\n${output}`, {
      cause: error,
    });
  }
}
