import type { DirectoryDeps } from '../directory-deps.js';
import { eventStampOf } from './event-stamp.js';
import { integrationEvent } from './integration-events.js';

/** Days before a SCIM token's expiry when `integration.token_expiring` is written (issue 16). */
export const TOKEN_WARNING_DAYS = [30, 7, 1] as const;

/**
 * Writes `integration.token_expiring` for each integration whose token has crossed a warning threshold
 * (30, 7 or 1 days left), once per token and threshold, whichever instance runs it first (the warning
 * row and the event commit together). A token created with less time left gets only the nearest
 * threshold's warning; a rotated token starts afresh.
 */
export async function warnExpiringTokens(deps: DirectoryDeps): Promise<number> {
  const stamp = eventStampOf(deps);
  const now = deps.clock.now().getTime();
  let written = 0;
  for (const integration of await deps.store.integrations.list(undefined)) {
    const { tokenExpiresAt, tokenCreatedAt } = integration;
    if (!tokenExpiresAt || !tokenCreatedAt) continue;
    const left = Date.parse(tokenExpiresAt) - now;
    if (left <= 0) continue;
    const threshold = [...TOKEN_WARNING_DAYS].reverse().find((days) => left <= days * 86_400_000);
    if (threshold === undefined) continue;
    const scope = { organizationId: integration.organizationId, integrationId: integration.id };
    const wrote = await deps.store.transaction(async (store) => {
      if (!(await store.events.claimTokenWarning(scope, tokenCreatedAt, threshold))) return false;
      const event = integrationEvent(
        'integration.token_expiring',
        integration,
        undefined,
        ['tokenExpiresAt'],
        stamp,
      );
      store.events.append(scope, [
        {
          ...event,
          data: { ...event.data, warningDays: threshold, daysLeft: Math.floor(left / 86_400_000) },
        },
      ]);
      return true;
    });
    if (wrote) written++;
  }
  return written;
}
