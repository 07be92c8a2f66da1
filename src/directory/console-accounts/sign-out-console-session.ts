import type { ConsoleDeps } from './console-deps.js';

/** Ends the session at once, on every instance (the next request reads the revoked row). */
export async function signOutConsoleSession(deps: ConsoleDeps, sessionId: string): Promise<void> {
  await deps.store.consoleSessions.revoke(sessionId, deps.clock.now().toISOString());
}
