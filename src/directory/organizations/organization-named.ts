import { DirectoryNotFound } from '../directory-error.js';
import type { Organization } from '../model/organization.js';
import type { DirectoryStore } from '../ports/directory-store.js';

/**
 * The organization every admin call is scoped to (`--org`: its name, or its id); its id goes into every
 * repository call after this.
 */
export async function organizationNamed(store: DirectoryStore, nameOrId: string): Promise<Organization> {
  const organization =
    (await store.organizations.findByName(nameOrId)) ?? (await store.organizations.findById(nameOrId));
  if (!organization)
    throw new DirectoryNotFound('organization_not_found', `No organization named "${nameOrId}".`);
  return organization;
}
