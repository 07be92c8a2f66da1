/** One kind of background work and how often an instance does it. */
export interface BackgroundJob {
  readonly name: string;
  readonly everyMs: number;
  /** Also once at start (token warnings), instead of first after `everyMs`. */
  readonly atStart?: boolean;
  /** The work; row locks in the store make N instances do each piece once (remap jobs, deliveries). */
  run(): Promise<unknown>;
}

/**
 * The one runner of an instance's background work (remap jobs, webhook and SET delivery, pruning,
 * statistics, token warnings: docs/architecture.md). One timer ticks at the shortest interval; a job
 * starts when it is due and not still running (a slow run is never doubled up), and a failure is told
 * and retried at the next due time. `stop()` lets the runs in flight finish.
 */
export class JobRunner {
  private readonly next = new Map<string, number>();
  private readonly running = new Map<string, Promise<unknown>>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private stopped = false;

  private readonly jobs: readonly BackgroundJob[];
  private readonly onError: (job: string, error: unknown) => void;
  private readonly now: () => number;

  constructor(
    jobs: readonly BackgroundJob[],
    onError: (job: string, error: unknown) => void,
    now: () => number = Date.now,
  ) {
    this.jobs = jobs;
    this.onError = onError;
    this.now = now;
  }

  start(): void {
    if (this.timer || this.jobs.length === 0) return;
    const started = this.now();
    for (const job of this.jobs) this.next.set(job.name, job.atStart ? started : started + job.everyMs);
    this.timer = setInterval(() => this.tick(), Math.min(...this.jobs.map((job) => job.everyMs)));
    this.timer.unref();
    this.tick();
  }

  /** Starts each due job that is not running; exposed for tests. */
  tick(): void {
    if (this.stopped) return;
    const now = this.now();
    for (const job of this.jobs) {
      if (this.running.has(job.name) || (this.next.get(job.name) ?? Infinity) > now) continue;
      this.next.set(job.name, now + job.everyMs);
      const run = Promise.resolve()
        .then(() => job.run())
        .catch((error: unknown) => this.onError(job.name, error))
        .finally(() => this.running.delete(job.name));
      this.running.set(job.name, run);
    }
  }

  /** No job starts from now on; resolves when the runs in flight have ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await Promise.all([...this.running.values()]);
  }
}
