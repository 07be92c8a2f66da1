import type { UserWithGroups } from '../model/scim-resource.js';

/**
 * The user a `GET /Users/{id}` names, read in the statement that fetched the integration's credential
 * (one round trip instead of two; issue 15). Authentication hands it over only after the token was
 * verified. It answers for that id and once: whatever runs later in the request (or reuses the context)
 * reads the store again instead of a copy that may be older than its own writes.
 */
export class UserReadAhead {
  readonly #userId: string;
  #found: { readonly user: UserWithGroups | undefined } | undefined;

  constructor(userId: string, user: UserWithGroups | undefined) {
    this.#userId = userId;
    this.#found = { user };
  }

  /** The read user (undefined inside: no such live user) if `userId` is the one read and not yet taken. */
  take(userId: string): { readonly user: UserWithGroups | undefined } | undefined {
    if (userId !== this.#userId) return undefined;
    const found = this.#found;
    this.#found = undefined;
    return found;
  }
}
