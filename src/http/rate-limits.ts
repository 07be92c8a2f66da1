import type { FastifyReply } from 'fastify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Requests per second allowed to each integration (SCIM) and each admin key (admin API); 0: no limit. */
export interface RateLimitSettings {
  readonly scimPerSecond: number;
  readonly adminPerSecond: number;
}

/** Why a request was refused: the limit in words, and when to retry (whole seconds, at least 1). */
export interface LimitExceeded {
  readonly detail: string;
  readonly retryAfterSeconds: number;
}

/** Counts a request of `key`; returns undefined when allowed, else why not. */
export type RequestLimiter = (key: string) => Promise<LimitExceeded | undefined>;

/**
 * A fixed one-second window per key, counted in this process by rate-limiter-flexible's memory
 * limiter: a map lookup and an increment, no I/O. On PostgreSQL with several instances each instance
 * counts its own requests, so the installation-wide limit is the per-instance limit times the instances
 * (docs/deployment.md); sharing it would cost a database round trip on every SCIM request.
 */
export function requestLimiter(perSecond: number, what: string, setting: string): RequestLimiter | undefined {
  if (perSecond <= 0) return undefined;
  const limiter = new RateLimiterMemory({ points: perSecond, duration: 1 });
  return async (key) => {
    try {
      await limiter.consume(key);
      return undefined;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      return {
        detail: `Too many requests: the limit is ${perSecond} requests per second per ${what} (${setting}). Retry after the Retry-After seconds.`,
        retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)),
      };
    }
  };
}

/** RFC 6585 §4: a 429 says when to come back. */
export function sendRetryAfter(reply: FastifyReply, exceeded: LimitExceeded): void {
  reply.header('retry-after', String(exceeded.retryAfterSeconds));
}
