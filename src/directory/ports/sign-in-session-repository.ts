import type { OrganizationScope } from '../model/scope.js';
import type { IdentityStatus } from '../model/identity.js';
import type { SignInSession } from '../model/sign-in-session.js';

export interface SignInSessionRepository {
  insert(session: SignInSession): Promise<void>;
  /**
   * The session with the current status of its identity, read in the same query (undefined when the
   * identity row is gone): nothing about the identity is cached with the session.
   */
  find(
    scope: OrganizationScope,
    id: string,
  ): Promise<{ session: SignInSession; identityStatus: IdentityStatus | undefined } | undefined>;
  /** Marks it revoked (once; a second revoke keeps the first time); undefined when there is no such session. */
  revoke(scope: OrganizationScope, id: string, now: string): Promise<SignInSession | undefined>;
  /** Deletes sessions that expired before `before`; returns how many. */
  pruneExpired(before: string): Promise<number>;
}
