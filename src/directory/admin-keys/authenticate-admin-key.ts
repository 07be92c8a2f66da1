import { bearerTokenMatches, hashBearerToken } from '../integrations/bearer-token.js';
import type { Clock } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { ADMIN_KEY_PREFIX } from './admin-key-secret.js';

/** Who is calling the admin API: one key, scoped to an organization or (null) to the installation. */
export interface AdminPrincipal {
  readonly keyId: string;
  /** The key's name, for the audit log. */
  readonly name: string;
  readonly organizationId: string | null;
}

/** A key's last-used time is written at most once a minute, so a busy client does not write per call. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The principal of a presented admin key, or undefined for a missing, unknown or revoked key (the caller
 * answers all three alike). The key is looked up by its SHA-256 hash, then the hashes are compared in
 * constant time; the row is read on every request, so a revocation takes effect at once everywhere.
 */
export async function authenticateAdminKey(
  deps: { store: DirectoryStore; clock: Clock },
  presented: string | undefined,
): Promise<AdminPrincipal | undefined> {
  if (!presented?.startsWith(ADMIN_KEY_PREFIX)) return undefined;
  const found = await deps.store.adminKeys.findByHash(hashBearerToken(presented));
  if (!found || !bearerTokenMatches(presented, found.keyHash) || found.key.revokedAt !== null) {
    return undefined;
  }
  const now = deps.clock.now();
  const notBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString();
  // The row just read says whether a use was recorded within the minute: then there is nothing to write.
  if (found.key.lastUsedAt === null || found.key.lastUsedAt < notBefore) {
    await deps.store.adminKeys.recordUse(found.key.id, now.toISOString(), notBefore);
  }
  return { keyId: found.key.id, name: found.key.name, organizationId: found.key.organizationId };
}
