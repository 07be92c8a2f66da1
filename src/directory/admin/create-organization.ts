import { checkName } from './check-name.js';
import { DirectoryError } from '../directory-error.js';
import type { Clock, DirectoryStore, IdSource, Organization } from '../ports.js';

/** A new organization (a tenant) with its Default auth policy; names are unique across the installation. */
export async function createOrganization(
  deps: { store: DirectoryStore; clock: Clock; ids: IdSource },
  name: string,
): Promise<Organization> {
  const checked = checkName('An organization', name);
  if (!checked.ok) throw new DirectoryError('invalid_name', `${checked.error}.`);
  return deps.store.transaction(async (store) => {
    const now = deps.clock.now().toISOString();
    const newId = deps.ids.newId();
    // Insert-or-nothing: the unique name decides a race, and the loser learns it from the id it gets back.
    const organization = await store.organizations.ensure({ id: newId, name: checked.value, createdAt: now });
    if (organization.id !== newId) {
      throw new DirectoryError('name_taken', `An organization named "${checked.value}" already exists.`);
    }
    await store.authPolicies.ensureDefault(organization.id, deps.ids.newId(), now);
    return organization;
  });
}
