import type { ProvisioningLogEntry } from '../model/provisioning-log-entry.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { redactBody } from './redact-body.js';

/** An entry as a request hands it over: the body still parsed, redacted and capped only when written. */
export type PendingLogEntry = Omit<ProvisioningLogEntry, 'requestBody'> & { readonly body: unknown };

export interface ProvisioningLogWriterOptions {
  readonly redacted: ReadonlySet<string>;
  /** How often queued entries are written (default 250 ms). */
  readonly flushIntervalMs?: number;
  /**
   * Entries per insert statement (default 100). Each statement runs synchronously on SQLite, on the event
   * loop, and requests wait while it runs: a batch of 300–500 took about 20 ms under load, setting every
   * read's p99 (issue 15). Smaller batches with a turn of the event loop between them keep each pause short.
   */
  readonly batchSize?: number;
  /** Entries held at most; beyond it new ones are dropped and counted (default 20,000). */
  readonly maxQueued?: number;
  /** Longest body kept, in characters of JSON (default 16 KiB). */
  readonly maxBodyChars?: number;
  readonly onError?: (error: unknown) => void;
}

export interface ProvisioningLogStats {
  readonly queued: number;
  readonly written: number;
  readonly dropped: number;
  /** Age in ms of the oldest entry still queued (0 when none is). */
  readonly lagMs: number;
}

/**
 * Writes the provisioning log in batches, outside the requests it records (issue 16: writing the log
 * never fails or noticeably slows a SCIM request). A request only pushes its entry onto a queue;
 * a timer writes the queue in multi-row inserts. The log is lossy by design: if the database refuses a
 * batch, or the queue is full, entries are dropped and counted, and requests go on.
 */
export class ProvisioningLogWriter {
  private queue: { entry: PendingLogEntry; queuedAt: number }[] = [];
  private written = 0;
  private dropped = 0;
  private flushing: Promise<void> | undefined;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly store: DirectoryStore;
  private readonly options: ProvisioningLogWriterOptions;

  constructor(store: DirectoryStore, options: ProvisioningLogWriterOptions) {
    this.store = store;
    this.options = options;
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 250);
    this.timer.unref();
  }

  record(entry: PendingLogEntry): void {
    if (this.queue.length >= (this.options.maxQueued ?? 20_000)) {
      this.dropped++;
      return;
    }
    this.queue.push({ entry, queuedAt: Date.now() });
  }

  stats(): ProvisioningLogStats {
    const oldest = this.queue[0];
    return {
      queued: this.queue.length,
      written: this.written,
      dropped: this.dropped,
      lagMs: oldest ? Date.now() - oldest.queuedAt : 0,
    };
  }

  /** Writes everything queued so far (one flush at a time; a call during one waits for it, then writes). */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.queue.length === 0) return;
    this.flushing = this.writeQueued().finally(() => (this.flushing = undefined));
    await this.flushing;
  }

  /** Stops the timer and writes what is left (server shutdown). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async writeQueued(): Promise<void> {
    const taken = this.queue;
    this.queue = [];
    const size = this.options.batchSize ?? 100;
    for (let i = 0; i < taken.length; i += size) {
      // Requests queued behind this flush are served before the next batch.
      if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const batch = taken.slice(i, i + size).map(({ entry }) => this.stored(entry));
      try {
        await this.store.provisioningLog.insertMany(batch);
        this.written += batch.length;
      } catch (error) {
        this.dropped += batch.length;
        this.options.onError?.(error);
      }
    }
  }

  private stored(pending: PendingLogEntry): ProvisioningLogEntry {
    const { body, ...entry } = pending;
    let requestBody: string | null = null;
    if (body !== undefined && body !== null) {
      const text = JSON.stringify(redactBody(body, this.options.redacted)) ?? null;
      const max = this.options.maxBodyChars ?? 16_384;
      requestBody = text !== null && text.length > max ? `${text.slice(0, max)}…(truncated)` : text;
    }
    return { ...entry, requestBody };
  }
}
