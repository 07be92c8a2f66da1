import { bearerTokenMatches, hashBearerToken } from '../integrations/bearer-token.js';
import type { ConsoleAccount, ConsoleSession } from '../model/console-account.js';
import type { ConsoleDeps } from './console-deps.js';
import { consolePolicy } from './console-policy.js';
import { CONSOLE_SESSION_PREFIX } from './console-secrets.js';

/** Who a console session speaks for: an account, or a setup link (no account, one organization). */
export interface ConsolePrincipal {
  readonly session: ConsoleSession;
  /** undefined for a setup-link session. */
  readonly account: ConsoleAccount | undefined;
  /** null: installation-wide (an installation account). */
  readonly organizationId: string | null;
  readonly kind: 'account' | 'setup';
}

/**
 * The principal of a presented session cookie, or undefined when it is unknown, revoked, past its
 * absolute expiry, idle for too long, or its account is disabled or gone (the caller answers all alike).
 * The row is read on every request, so a sign-out, disable or revocation takes effect at once everywhere.
 */
export async function authenticateConsoleSession(
  deps: ConsoleDeps,
  presented: string | undefined,
): Promise<ConsolePrincipal | undefined> {
  if (!presented?.startsWith(CONSOLE_SESSION_PREFIX)) return undefined;
  const found = await deps.store.consoleSessions.findByHash(hashBearerToken(presented));
  if (!found || !bearerTokenMatches(presented, found.tokenHash)) return undefined;
  const { session } = found;
  const now = deps.clock.now();
  if (session.revokedAt !== null || session.expiresAt <= now.toISOString()) return undefined;
  if (new Date(session.lastSeenAt).getTime() + consolePolicy.idleTimeoutMs <= now.getTime()) return undefined;

  let account: ConsoleAccount | undefined;
  if (session.accountId !== null) {
    account = (await deps.store.consoleAccounts.findById(session.accountId))?.account;
    if (!account || account.disabledAt !== null) return undefined;
  }
  const notBefore = new Date(now.getTime() - consolePolicy.activityResolutionMs).toISOString();
  if (session.lastSeenAt < notBefore) {
    await deps.store.consoleSessions.touch(session.id, now.toISOString(), notBefore);
  }
  return {
    session,
    account,
    organizationId: account ? account.organizationId : session.organizationId,
    kind: account ? 'account' : 'setup',
  };
}
