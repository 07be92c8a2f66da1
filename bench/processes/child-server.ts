import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';

export interface ChildServerOptions {
  readonly name: string;
  readonly script: string;
  readonly args: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  /** Written by the server on stdout once it accepts connections; the first group is its URL. */
  readonly readyLine: RegExp;
  readonly startTimeoutMs: number;
  /** Where the child's stdout and stderr are copied. */
  readonly logFile: string;
  /** Options for the child's Node itself (e.g. --cpu-prof), before the script. */
  readonly nodeArgs?: readonly string[];
}

/** A server in its own Node process (the same Node as the benchmark), stopped by stop(). */
export class ChildServer {
  readonly name: string;
  readonly url: string;
  private readonly child: ChildProcess;
  private readonly log: WriteStream;
  private readonly exited: Promise<void>;
  private readonly outputTail: () => string;

  private constructor(
    name: string,
    url: string,
    child: ChildProcess,
    log: WriteStream,
    exited: Promise<void>,
    outputTail: () => string,
  ) {
    this.name = name;
    this.url = url;
    this.child = child;
    this.log = log;
    this.exited = exited;
    this.outputTail = outputTail;
  }

  /** Undefined while the process runs; else how it ended and the last lines it wrote. */
  exitDescription(): string | undefined {
    const { exitCode, signalCode } = this.child;
    if (exitCode === null && signalCode === null) return undefined;
    const how = signalCode ? `signal ${signalCode}` : `code ${exitCode}`;
    const tail = this.outputTail().trim().split('\n').slice(-5).join('\n');
    return `${this.name} exited (${how})${tail ? `; its last output:\n${tail}` : ''}`;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  static async start(options: ChildServerOptions): Promise<ChildServer> {
    const log = createWriteStream(options.logFile, { flags: 'a' });
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script, ...options.args], {
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let output = '';
    let stderr = '';
    // The last lines of both streams (pino logs to stdout, Node's fatal errors go to stderr).
    let tail = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      stderr = (stderr + chunk.toString()).slice(-20_000);
      tail = (tail + chunk.toString()).slice(-20_000);
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${options.name} did not start within ${options.startTimeoutMs} ms`)),
          options.startTimeoutMs,
        );
        child.stdout?.on('data', (chunk: Buffer) => {
          log.write(chunk);
          tail = (tail + chunk.toString()).slice(-20_000);
          if (output.length < 20_000) output += chunk.toString();
          const match = options.readyLine.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        child.once('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          reject(
            new Error(
              `${options.name} exited before it was ready (code ${code ?? 'none'}, signal ${signal ?? 'none'}):\n` +
                (stderr.trim() || output.trim() || '(no output)'),
            ),
          );
        });
      });
      return new ChildServer(options.name, url, child, log, exited, () => tail);
    } catch (error) {
      child.kill('SIGKILL');
      await exited;
      log.end();
      throw error;
    }
  }

  /** Linux: the process's peak resident set (VmHWM) and current one (VmRSS), in bytes. */
  async memory(): Promise<{ peakRssBytes: number; rssBytes: number } | undefined> {
    try {
      const status = await readFile(`/proc/${this.pid}/status`, 'utf8');
      const kib = (field: string) =>
        Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      const peak = kib('VmHWM');
      const rss = kib('VmRSS');
      if (Number.isNaN(peak)) return undefined;
      return { peakRssBytes: peak * 1024, rssBytes: rss * 1024 };
    } catch {
      return undefined;
    }
  }

  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    await new Promise<void>((resolve) => this.log.end(resolve));
  }
}
