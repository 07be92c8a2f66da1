import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Which Node.js Roster runs on, and what to do on another one. better-sqlite3 13 needs Node >=22 and
 * crashes (SIGSEGV) on Node 20 the moment it opens a database, so a too-old Node must never get that
 * far: the `roster` bin re-executes itself under the project's own Node (the `node` devDependency),
 * and the CLI entry point refuses with one sentence when run directly.
 */

interface Manifest {
  readonly name?: string;
  readonly version?: string;
  readonly engines?: { readonly node?: string };
}

/** Roster's package.json, found from any file inside the package (src, dist or bin). */
export function rosterManifest(from: string | URL): { readonly path: string; readonly manifest: Manifest } {
  // `import.meta.url` arrives as a file: URL string; a plain path as itself. Reading a URL string as a
  // path would only ever find a package.json relative to the working directory.
  const path = from instanceof URL || from.startsWith('file:') ? fileURLToPath(from) : from;
  let dir = dirname(path);
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const manifest = JSON.parse(readFileSync(candidate, 'utf8')) as Manifest;
      if (manifest.name === 'roster') return { path: candidate, manifest };
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Roster's package.json was not found above ${String(from)}.`);
    dir = parent;
  }
}

/** The `engines.node` range of Roster's package.json. */
export function nodeRequirement(from: string | URL): string {
  const range = rosterManifest(from).manifest.engines?.node;
  if (!range) throw new Error('package.json declares no engines.node range.');
  return range;
}

/**
 * True when `version` (e.g. "20.20.2") satisfies `range`. Only the `>=X[.Y[.Z]]` form is understood,
 * which is what package.json uses; anything else is a mistake to be told about, not guessed at.
 */
export function satisfiesRange(version: string, range: string): boolean {
  const minimum = /^\s*>=\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(range);
  if (!minimum) throw new Error(`Unsupported engines.node range ${JSON.stringify(range)}: use ">=X.Y.Z".`);
  const wanted = [1, 2, 3].map((i) => Number(minimum[i] ?? 0));
  const actual = version
    .replace(/^v/, '')
    .split(/[.-]/)
    .slice(0, 3)
    .map((part) => Number.parseInt(part, 10) || 0);
  for (let i = 0; i < 3; i++) {
    const a = actual[i] ?? 0;
    const w = wanted[i] ?? 0;
    if (a !== w) return a > w;
  }
  return true;
}

/**
 * The binary of the `node` devDependency (installed by `npm install`), when it is there and its
 * version satisfies `range`; resolved the way Node resolves a package from `from`.
 */
export function projectNode(from: string | URL, range: string): string | undefined {
  try {
    const require = createRequire(from);
    const manifestPath = require.resolve('node/package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const binary = join(dirname(manifestPath), 'bin', 'node');
    if (!manifest.version || !satisfiesRange(manifest.version, range) || !existsSync(binary))
      return undefined;
    return binary;
  } catch {
    return undefined;
  }
}

export function unsupportedNodeSentence(range: string, advice: string): string {
  return `Roster needs Node.js ${range} but this is Node.js ${process.versions.node}; ${advice}`;
}

/**
 * Runs `script` with the same arguments under `node`, stdio shared; resolves to the exit code to end
 * with. Signals sent to this process (Ctrl-C, a service manager's SIGTERM) are passed on, so `roster
 * serve` still shuts down gracefully; a child killed by a signal ends this process with that signal.
 */
export function reexec(node: string, script: string, args: readonly string[]): Promise<number> {
  const child = spawn(node, [...process.execArgv, script, ...args], { stdio: 'inherit' });
  const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of forwarded) process.on(signal, forward);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      for (const s of forwarded) process.off(s, forward);
      if (signal) {
        process.kill(process.pid, signal);
        // A signal this process does not die of: end with the shell's code for it instead.
        resolve(128 + (constants.signals[signal] ?? 0));
        return;
      }
      resolve(code ?? 1);
    });
  });
}
