import type {
  ConsoleAccount,
  ConsoleLink,
  ConsoleSession,
  StoredConsoleAccount,
} from '../model/console-account.js';

export interface ConsoleAccountRepository {
  /** Inserts the account; false when another account has the same email (compared in any case). */
  insert(account: ConsoleAccount, passwordHash: string | null): Promise<boolean>;
  findByEmail(email: string): Promise<StoredConsoleAccount | undefined>;
  findById(id: string): Promise<StoredConsoleAccount | undefined>;
  /** Accounts of one organization, or (undefined) every account; oldest first. */
  list(organizationId: string | undefined): Promise<readonly ConsoleAccount[]>;
  count(): Promise<number>;
  setPassword(id: string, passwordHash: string): Promise<void>;
  setDisabled(id: string, disabledAt: string | null): Promise<void>;
  /** A failed sign-in: adds one to the counter and, once it reaches `limit`, locks until `lockUntil`. */
  recordFailedSignIn(id: string, limit: number, lockUntil: string): Promise<void>;
  recordSignIn(id: string, now: string): Promise<void>;
  delete(id: string): Promise<boolean>;
}

export interface ConsoleLinkRepository {
  insert(link: ConsoleLink, tokenHash: string): Promise<void>;
  findByHash(tokenHash: string): Promise<{ link: ConsoleLink; tokenHash: string } | undefined>;
  findById(id: string): Promise<ConsoleLink | undefined>;
  /** Setup links of one organization, newest first. */
  listSetupLinks(organizationId: string): Promise<readonly ConsoleLink[]>;
  /** Marks the link used, if it is still unused and unrevoked; false when another use won. */
  spend(id: string, now: string): Promise<boolean>;
  /** Revokes every open link of the account and kind (a new invitation or reset replaces the last). */
  revokeOpenLinksOf(accountId: string, now: string): Promise<void>;
  revoke(id: string, now: string): Promise<void>;
}

export interface ConsoleSessionRepository {
  insert(session: ConsoleSession, tokenHash: string): Promise<void>;
  findByHash(tokenHash: string): Promise<{ session: ConsoleSession; tokenHash: string } | undefined>;
  /** Records activity, unless some was recorded after `notBefore` (a busy tab does not write per call). */
  touch(id: string, now: string, notBefore: string): Promise<void>;
  revoke(id: string, now: string): Promise<void>;
  /** Revokes every session of the account (disable, reset, delete). */
  revokeAllOf(accountId: string, now: string): Promise<void>;
  /** Revokes every session opened through the setup link (its revocation ends them at once). */
  revokeAllOfLink(linkId: string, now: string): Promise<void>;
}
