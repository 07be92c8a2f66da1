import { listIdentities, type IdentityListInput } from '../../../directory/identities/list-identities.js';
import { decodeIdentityCursor, encodeIdentityCursor } from '../../../directory/identities/identity-cursor.js';
import type { Identity } from '../../../directory/model/identity.js';
import type { DirectoryDeps } from '../../../directory/directory-deps.js';
import { AdminApiError } from '../admin-api-error.js';

export function identityBody(identity: Identity) {
  const { workAddress, ...profile } = identity.profile;
  return {
    id: identity.id,
    organizationId: identity.organizationId,
    name: identity.name,
    status: identity.status,
    signInExternalId: identity.signInExternalId,
    authPolicyId: identity.authPolicyId,
    attributes: [...identity.attributes],
    profile: { ...profile, ...(workAddress ? { workAddress: { ...workAddress } } : {}) },
    sourceIntegrationId: identity.sourceIntegrationId,
    scimResourceId: identity.scimResourceId,
    createdAt: identity.createdAt,
    updatedAt: identity.updatedAt,
    lastSyncedAt: identity.lastSyncedAt,
  };
}

/** One page of identities in the API's shape: `{ data, nextCursor }` with an opaque cursor. */
export async function identityPage(
  deps: DirectoryDeps,
  organizationId: string,
  filters: Omit<IdentityListInput, 'afterId' | 'limit'>,
  page: { limit?: number | undefined; cursor?: string | undefined },
) {
  let afterId: string | undefined;
  if (page.cursor !== undefined) {
    const decoded = decodeIdentityCursor(page.cursor);
    if (!decoded.ok) {
      throw new AdminApiError(400, 'validation_failed', 'The cursor is not valid.', [
        { field: 'cursor', location: 'query', message: decoded.error },
      ]);
    }
    afterId = decoded.value;
  }
  const result = await listIdentities(deps, organizationId, {
    ...filters,
    afterId,
    limit: page.limit ?? 50,
  });
  return {
    data: result.identities.map(identityBody),
    nextCursor: result.next === undefined ? null : encodeIdentityCursor(result.next),
  };
}
