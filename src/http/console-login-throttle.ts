/**
 * Failed console sign-ins per client address in a sliding window: past the limit, sign-ins from that
 * address are refused for the rest of the window, whatever the account (a spray across many emails).
 * Per instance, in memory; the per-account lockout (in the database) holds across instances.
 */
export class ConsoleLoginThrottle {
  private readonly failures = new Map<string, number[]>();

  private readonly limit: number;
  private readonly windowMs: number;
  private readonly maxAddresses: number;

  constructor(limit = 20, windowMs = 15 * 60_000, maxAddresses = 10_000) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.maxAddresses = maxAddresses;
  }

  /** Milliseconds until this address may try again, or 0 when it may now. */
  retryAfterMs(address: string, now: number): number {
    const recent = this.recent(address, now);
    if (recent.length < this.limit) return 0;
    return (recent[0] ?? now) + this.windowMs - now;
  }

  recordFailure(address: string, now: number): void {
    if (!this.failures.has(address) && this.failures.size >= this.maxAddresses) {
      // Bounded memory: forget the oldest address.
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
    this.failures.set(address, [...this.recent(address, now), now]);
  }

  private recent(address: string, now: number): number[] {
    const kept = (this.failures.get(address) ?? []).filter((at) => at > now - this.windowMs);
    if (kept.length === 0) this.failures.delete(address);
    else this.failures.set(address, kept);
    return kept;
  }
}
