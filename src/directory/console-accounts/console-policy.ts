/** The console's session and sign-in rules, in one place. */
export const consolePolicy = {
  /** A session nobody used for this long ends (idle expiry). */
  idleTimeoutMs: 30 * 60_000,
  /** A session ends this long after sign-in however busy it is (absolute expiry). */
  absoluteLifetimeMs: 12 * 60 * 60_000,
  /** Activity is written at most once a minute per session, so a busy tab does not write per call. */
  activityResolutionMs: 60_000,
  /** After this many wrong passwords in a row, the account is locked for `lockoutMs`. */
  failedSignInLimit: 5,
  lockoutMs: 15 * 60_000,
  /** Lifetimes of one-time links. */
  firstAccountLinkMs: 7 * 24 * 60 * 60_000,
  inviteLinkMs: 7 * 24 * 60 * 60_000,
  resetLinkMs: 24 * 60 * 60_000,
  /** Setup links: the app chooses, within these bounds. */
  setupLinkDefaultHours: 72,
  setupLinkMaxHours: 30 * 24,
  minPasswordLength: 12,
  maxPasswordLength: 1024,
} as const;
