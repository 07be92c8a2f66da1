import type { DirectoryEvent } from '../model/directory-event.js';
import type { PostOutcome } from './post-webhook.js';

/** What one attempt came to: delivered; failed (retried later); rejected for good (the next goes on). */
export type AttemptVerdict =
  | { readonly kind: 'delivered' }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'rejected'; readonly error: string };

/**
 * How one kind of destination is sent an event: the request (undefined: this destination skips the
 * event) and how its answer is judged. The worker around it (claim, order, retries, log) is shared.
 */
export interface DestinationSender {
  request(
    event: DirectoryEvent,
    at: Date,
  ): Promise<{ readonly headers: Record<string, string>; readonly body: string } | undefined>;
  judge(outcome: PostOutcome): AttemptVerdict;
}

/** Any 2xx is success; anything else a failure to retry (Standard Webhooks). */
export function judgeAny2xx(outcome: PostOutcome): AttemptVerdict {
  return outcome.ok ? { kind: 'delivered' } : { kind: 'failed', error: outcome.error };
}
