/**
 * A person who signs in to the web console: scoped, like an admin key, to one organization or
 * (organizationId null) to the whole installation. An invited account has no password until its
 * invitation link is used.
 */
export interface ConsoleAccount {
  readonly id: string;
  readonly email: string;
  readonly organizationId: string | null;
  readonly createdAt: string;
  readonly disabledAt: string | null;
  readonly lastSignInAt: string | null;
  /** Whether a password was set (an invitation not yet accepted has none). */
  readonly hasPassword: boolean;
}

/** The stored form: with the password's scrypt hash and the failed-sign-in counter behind the lockout. */
export interface StoredConsoleAccount {
  readonly account: ConsoleAccount;
  readonly passwordHash: string | null;
  readonly failedSignIns: number;
  readonly lockedUntil: string | null;
}

/**
 * One-time links: the first account of an empty installation, an invitation, a password reset, or a
 * self-serve setup link that opens a reduced console for one organization without an account.
 */
export type ConsoleLinkKind = 'first_account' | 'invite' | 'reset' | 'setup';

export interface ConsoleLink {
  readonly id: string;
  readonly kind: ConsoleLinkKind;
  readonly accountId: string | null;
  readonly organizationId: string | null;
  /** Free text saying who or what the link is for (setup links: the customer it was made for). */
  readonly label: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly usedAt: string | null;
  readonly revokedAt: string | null;
}

/** A signed-in console: an account's session, or a setup link's (no account, one organization). */
export interface ConsoleSession {
  readonly id: string;
  readonly accountId: string | null;
  readonly organizationId: string | null;
  readonly setupLinkId: string | null;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
}
