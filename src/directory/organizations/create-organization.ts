import { checkName } from '../names/check-name.js';
import { DirectoryConflict, InvalidDirectoryInput } from '../directory-error.js';
import type { Organization } from '../model/organization.js';
import type { Clock, IdSource } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';

/** A new organization (a tenant) with its Default auth policy; names are unique across the installation. */
export async function createOrganization(
  deps: { store: DirectoryStore; clock: Clock; ids: IdSource },
  name: string,
): Promise<Organization> {
  const checked = checkName('An organization', name);
  if (!checked.ok)
    throw new InvalidDirectoryInput('invalid_name', [{ field: 'name', message: `${checked.error}.` }]);
  return deps.store.transaction(async (store) => {
    const now = deps.clock.now().toISOString();
    const newId = deps.ids.newId();
    // Insert-or-nothing: the unique name decides a race, and the loser learns it from the id it gets back.
    const organization = await store.organizations.ensure({ id: newId, name: checked.value, createdAt: now });
    if (organization.id !== newId) {
      throw new DirectoryConflict('name_taken', `An organization named "${checked.value}" already exists.`);
    }
    await store.authPolicies.ensureDefault({ organizationId: organization.id }, deps.ids.newId(), now);
    return organization;
  });
}
