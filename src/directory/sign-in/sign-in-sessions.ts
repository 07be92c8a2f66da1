import { DirectoryNotFound } from '../directory-error.js';
import type { IdentityStatus } from '../model/identity.js';
import type { SignInSession } from '../model/sign-in-session.js';
import type { IdSource } from '../ports/clock.js';
import type { SignInDeps } from './sign-in-services.js';
import { verifySignIn, type SignInOutcome } from './verify-sign-in.js';

/** The longest session an app may ask for. */
export const MAX_SESSION_SECONDS = 30 * 86_400;

export type SessionState =
  | { readonly valid: true; readonly status: 'active'; readonly reason: null }
  | {
      readonly valid: false;
      readonly status: 'revoked' | 'expired';
      /** revoked: by the app (DELETE), or because the identity is no longer active. */
      readonly reason: 'revoked' | 'expired' | 'identity_disabled' | 'identity_deleted';
    };

/**
 * Whether a session still holds, decided when it is read from the identity's status at that moment
 * (the OpenID IPSIE SCIM profile: deactivation revokes sessions). No hook in the SCIM write path is
 * needed, and no instance can miss a revocation.
 */
export function sessionState(
  session: SignInSession,
  identityStatus: IdentityStatus | undefined,
  nowMs: number,
): SessionState {
  if (session.revokedAt !== null) return { valid: false, status: 'revoked', reason: 'revoked' };
  if (identityStatus === undefined || identityStatus === 'deleted')
    return { valid: false, status: 'revoked', reason: 'identity_deleted' };
  if (identityStatus === 'disabled') return { valid: false, status: 'revoked', reason: 'identity_disabled' };
  if (Date.parse(session.expiresAt) <= nowMs) return { valid: false, status: 'expired', reason: 'expired' };
  return { valid: true, status: 'active', reason: null };
}

/**
 * POST .../sessions: verifies the token exactly as POST .../auth/verify does and, when it signs
 * someone in, records a session for that identity until the token's expiry (or `expiresInSeconds`).
 */
export async function startSession(
  deps: SignInDeps & { readonly ids: IdSource },
  organizationId: string,
  token: string,
  expiresInSeconds: number | undefined,
): Promise<{ outcome: SignInOutcome; session: SignInSession | undefined }> {
  const outcome = await verifySignIn(deps, organizationId, token);
  if (!outcome.ok) return { outcome, session: undefined };
  const now = deps.clock.now();
  const expiresAt =
    expiresInSeconds === undefined ? outcome.expiresAt : new Date(now.getTime() + expiresInSeconds * 1000);
  const session: SignInSession = {
    id: deps.ids.newId(),
    organizationId,
    identityId: outcome.identity.id,
    signerId: outcome.signer.id,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    revokedAt: null,
  };
  await deps.store.signInSessions.insert(session);
  return { outcome, session };
}

export async function readSession(
  deps: Pick<SignInDeps, 'store' | 'clock'>,
  organizationId: string,
  sessionId: string,
): Promise<{ session: SignInSession; state: SessionState }> {
  const found = await deps.store.signInSessions.find({ organizationId }, sessionId);
  if (!found) throw new DirectoryNotFound('session_not_found', `No session with id "${sessionId}".`);
  return {
    session: found.session,
    state: sessionState(found.session, found.identityStatus, deps.clock.now().getTime()),
  };
}

// The revocation event (issue 16's events feed) is not written here yet: when events exist, the use
// case that records identity.disabled / identity.deleted is where sessions' revocation is announced.
export async function revokeSession(
  deps: Pick<SignInDeps, 'store' | 'clock'>,
  organizationId: string,
  sessionId: string,
): Promise<{ session: SignInSession; state: SessionState }> {
  const revoked = await deps.store.signInSessions.revoke(
    { organizationId },
    sessionId,
    deps.clock.now().toISOString(),
  );
  if (!revoked) throw new DirectoryNotFound('session_not_found', `No session with id "${sessionId}".`);
  return readSession(deps, organizationId, sessionId);
}

/** Removes sessions a day past their expiry: they answer nothing an app needs. Any instance may run it. */
export function pruneExpiredSessions(deps: Pick<SignInDeps, 'store' | 'clock'>): Promise<number> {
  return deps.store.signInSessions.pruneExpired(
    new Date(deps.clock.now().getTime() - 86_400_000).toISOString(),
  );
}
