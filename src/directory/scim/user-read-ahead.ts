import type { ResolvedFilter } from '../../core/filter/filter-ast.js';
import { parseFilter } from '../../core/filter/parse-filter.js';
import { USER_SCHEMA } from '../../core/schema/schema-urns.js';
import type { UserKey, UserWithGroups } from '../model/scim-resource.js';

/**
 * The user a request names (`GET /Users/{id}`, or an IdP's `userName eq` lookup), read in the statement
 * that fetched the integration's credential: one round trip instead of two or three (issue 15).
 * Authentication hands it over only after the token was verified. It answers for that key and once:
 * whatever runs later in the request (or reuses the context) reads the store again instead of a copy
 * that may be older than its own writes.
 */
export class UserReadAhead {
  readonly #key: UserKey;
  #found: { readonly user: UserWithGroups | undefined } | undefined;

  constructor(key: UserKey, user: UserWithGroups | undefined) {
    this.#key = key;
    this.#found = { user };
  }

  /** The read user (undefined inside: no such live user) if `key` is the one read and not yet taken. */
  take(key: UserKey): { readonly user: UserWithGroups | undefined } | undefined {
    const read = this.#key;
    const same =
      'id' in key ? 'id' in read && read.id === key.id : 'userName' in read && read.userName === key.userName;
    if (!same) return undefined;
    const found = this.#found;
    this.#found = undefined;
    return found;
  }
}

/**
 * The userName a filter looks up when it is exactly `userName eq "…"` on the core User schema (what
 * Okta, Entra and OneLogin send before creating a user): at most one user matches, the one
 * findCredentialWithUser reads by that userName.
 */
export function userNameLookedUp(filter: ResolvedFilter | undefined): string | undefined {
  if (filter?.kind !== 'compare' || filter.op !== 'eq' || typeof filter.value !== 'string') return undefined;
  const { path } = filter;
  return !path.isExtension && path.attribute.name === 'userName' && path.subAttribute === undefined
    ? filter.value
    : undefined;
}

/** Longer lookups (a userName of hundreds of characters) are still answered, by the list query. */
const MAX_LOOKUP_FILTER_LENGTH = 512;

/**
 * The same lookup recognised in a filter's text, before authentication (when the integration's schema
 * extensions, which resolving a filter needs, are not known yet): what to read with the credential. Only
 * a hint: the list is answered from it only when the resolved filter looks up the very same userName.
 */
export function userNameInFilterText(text: string): string | undefined {
  // Parsed before the token is checked: a caller without one must not buy parsing of a long filter.
  if (text.length > MAX_LOOKUP_FILTER_LENGTH) return undefined;
  const parsed = parseFilter(text);
  if (!parsed.ok) return undefined;
  const filter = parsed.value;
  if (filter.kind !== 'compare' || filter.op !== 'eq' || typeof filter.value !== 'string') return undefined;
  const { path } = filter;
  const core = path.schemaUrn === undefined || path.schemaUrn.toLowerCase() === USER_SCHEMA.toLowerCase();
  return core && path.attribute.toLowerCase() === 'username' && path.subAttribute === undefined
    ? filter.value
    : undefined;
}
