import { DirectoryError } from '../directory-error.js';
import type { DirectoryStore, Organization } from '../ports.js';

/** The organization every admin call is scoped to; its id goes into every repository call after this. */
export async function organizationNamed(store: DirectoryStore, name: string): Promise<Organization> {
  const organization = await store.organizations.findByName(name);
  if (!organization) throw new DirectoryError('organization_not_found', `No organization named "${name}".`);
  return organization;
}
