import type { AdminPrincipal } from '../admin-keys/authenticate-admin-key.js';
import { DirectoryNotFound } from '../directory-error.js';
import type { Organization } from '../model/organization.js';
import type { DirectoryStore } from '../ports/directory-store.js';

/**
 * The organization with this id, if the caller's key may see it: an installation key sees every one, an
 * organization key only its own. Anything else is "not found", exactly like a missing id, so a key of
 * one tenant cannot even learn which ids another tenant has.
 */
export async function organizationVisibleTo(
  store: DirectoryStore,
  principal: AdminPrincipal,
  organizationId: string,
): Promise<Organization> {
  const visible = principal.organizationId === null || principal.organizationId === organizationId;
  const organization = visible ? await store.organizations.findById(organizationId) : undefined;
  if (!organization) {
    throw new DirectoryNotFound('organization_not_found', `No organization with id "${organizationId}".`);
  }
  return organization;
}

/** The organizations the caller's key may see. */
export async function organizationsVisibleTo(
  store: DirectoryStore,
  principal: AdminPrincipal,
): Promise<readonly Organization[]> {
  if (principal.organizationId === null) return store.organizations.list();
  const own = await store.organizations.findById(principal.organizationId);
  return own ? [own] : [];
}
