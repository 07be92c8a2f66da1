import { DirectoryConflict, DirectoryNotFound } from '../directory-error.js';
import { DEFAULT_ORGANIZATION } from './ensure-default-organization.js';
import type { Organization } from '../model/organization.js';
import type { DirectoryStore } from '../ports/directory-store.js';

export interface DeletedOrganization {
  readonly organization: Organization;
  /** What went with it: every row of the organization is deleted, these are the counts people ask about. */
  readonly integrations: number;
  readonly identities: number;
  readonly adminKeys: number;
}

/**
 * Deletes an organization and everything in it, in one transaction: its integrations (their tokens stop
 * working, their SCIM users and groups go), all its identities (managed or not: an identity cannot
 * outlive its tenant), directory groups, roles, auth policies, JWT signers, remap jobs and its admin
 * keys. An organization that still has integrations is refused unless `force` is given, so a typo
 * cannot cut off a live identity provider. The default organization is never deleted: every command
 * run without --org uses it (and it would only be made again, empty, at the next start).
 */
export async function deleteOrganization(
  deps: { readonly store: DirectoryStore },
  organizationId: string,
  options: { readonly force: boolean },
): Promise<DeletedOrganization> {
  return deps.store.transaction(async (store) => {
    const organization = await store.organizations.findById(organizationId);
    if (!organization) {
      throw new DirectoryNotFound('organization_not_found', `No organization with id "${organizationId}".`);
    }
    if (organization.name === DEFAULT_ORGANIZATION) {
      throw new DirectoryConflict(
        'default_organization_protected',
        `The "${DEFAULT_ORGANIZATION}" organization cannot be deleted: commands without --org use it.`,
      );
    }
    const integrations = await store.integrations.list({ organizationId: organization.id });
    const identities = await store.identities.countInOrganization({ organizationId: organization.id });
    if (integrations.length > 0 && !options.force) {
      const names = integrations.map((i) => `"${i.name}"`).join(', ');
      throw new DirectoryConflict(
        'organization_has_integrations',
        `Organization "${organization.name}" still has ${integrations.length} integration(s) (${names}); ` +
          `delete them first, or force it, which also deletes their SCIM data and the organization's ` +
          `${identities} identities.`,
      );
    }
    const adminKeys = (await store.adminKeys.list(organization.id)).length;
    await store.organizations.delete(organization.id);
    return { organization, integrations: integrations.length, identities, adminKeys };
  });
}
