import { describe, expect, it } from 'vitest';
import { ConsoleLoginThrottle } from './console-login-throttle.js';

describe('the per-address sign-in throttle', () => {
  it('refuses an address after its limit of failures within the window, until the oldest leaves it', () => {
    const throttle = new ConsoleLoginThrottle(3, 60_000);
    for (const at of [0, 10_000, 20_000]) {
      expect(throttle.retryAfterMs('10.0.0.1', at)).toBe(0);
      throttle.recordFailure('10.0.0.1', at);
    }
    expect(throttle.retryAfterMs('10.0.0.1', 30_000)).toBe(30_000);
    expect(throttle.retryAfterMs('10.0.0.2', 30_000)).toBe(0);
    expect(throttle.retryAfterMs('10.0.0.1', 60_001)).toBe(0);
  });

  it('keeps at most its bound of addresses', () => {
    const throttle = new ConsoleLoginThrottle(1, 60_000, 2);
    throttle.recordFailure('a', 0);
    throttle.recordFailure('b', 0);
    throttle.recordFailure('c', 0);
    expect(throttle.retryAfterMs('a', 1)).toBe(0);
    expect(throttle.retryAfterMs('c', 1)).toBeGreaterThan(0);
  });
});
