import type { ConsoleAccount } from '../model/console-account.js';
import type { ConsoleDeps } from './console-deps.js';
import { consolePolicy } from './console-policy.js';
import { openConsoleSession, type OpenedConsoleSession } from './open-console-session.js';
import { passwordMatches, UNKNOWN_ACCOUNT_HASH } from './password-hash.js';

export type PasswordSignIn =
  | { readonly ok: true; readonly account: ConsoleAccount; readonly opened: OpenedConsoleSession }
  /** Wrong email, wrong password, no password yet or disabled: one answer, so none can be told apart. */
  | { readonly ok: false; readonly reason: 'invalid_credentials' }
  /** Too many wrong passwords in a row: the account is locked until `until`. */
  | { readonly ok: false; readonly reason: 'locked'; readonly until: string };

/** Email and password to a session; a run of wrong passwords locks the account for a while. */
export async function signInWithPassword(
  deps: ConsoleDeps,
  input: { email: string; password: string },
): Promise<PasswordSignIn> {
  const stored = await deps.store.consoleAccounts.findByEmail(input.email.trim());
  const now = deps.clock.now();
  if (stored?.lockedUntil && stored.lockedUntil > now.toISOString()) {
    return { ok: false, reason: 'locked', until: stored.lockedUntil };
  }
  // The hash is checked even without an account, so both answers take the same time.
  const matches = await passwordMatches(input.password, stored?.passwordHash ?? UNKNOWN_ACCOUNT_HASH);
  if (!stored || stored.passwordHash === null || stored.account.disabledAt !== null) {
    return { ok: false, reason: 'invalid_credentials' };
  }
  if (!matches) {
    const lockUntil = new Date(now.getTime() + consolePolicy.lockoutMs).toISOString();
    await deps.store.consoleAccounts.recordFailedSignIn(
      stored.account.id,
      consolePolicy.failedSignInLimit,
      lockUntil,
    );
    return { ok: false, reason: 'invalid_credentials' };
  }
  await deps.store.consoleAccounts.recordSignIn(stored.account.id, now.toISOString());
  const opened = await openConsoleSession(deps, {
    accountId: stored.account.id,
    organizationId: stored.account.organizationId,
    setupLinkId: null,
  });
  return { ok: true, account: { ...stored.account, lastSignInAt: now.toISOString() }, opened };
}
