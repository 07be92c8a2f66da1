import { hashBearerToken } from '../integrations/bearer-token.js';
import type { ConsoleSession } from '../model/console-account.js';
import type { ConsoleDeps } from './console-deps.js';
import { consolePolicy } from './console-policy.js';
import { CONSOLE_SESSION_PREFIX, csrfTokenOf, generateConsoleSecret } from './console-secrets.js';

export interface OpenedConsoleSession {
  readonly session: ConsoleSession;
  /** The cookie's value: shown to the browser once, stored only as its SHA-256. */
  readonly secret: string;
  readonly csrfToken: string;
}

/** Opens a session for an account, or (accountId null) for a setup link's one organization. */
export async function openConsoleSession(
  deps: ConsoleDeps,
  owner: { accountId: string | null; organizationId: string | null; setupLinkId: string | null },
): Promise<OpenedConsoleSession> {
  const now = deps.clock.now();
  const secret = generateConsoleSecret(CONSOLE_SESSION_PREFIX);
  const session: ConsoleSession = {
    id: deps.ids.newId(),
    ...owner,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + consolePolicy.absoluteLifetimeMs).toISOString(),
    revokedAt: null,
  };
  await deps.store.consoleSessions.insert(session, hashBearerToken(secret));
  return { session, secret, csrfToken: csrfTokenOf(secret) };
}
