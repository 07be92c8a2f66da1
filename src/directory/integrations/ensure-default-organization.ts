import type { Clock, DirectoryStore, IdSource, Organization } from '../ports.js';

export const DEFAULT_ORGANIZATION = 'default';

/** On an empty installation, create the `default` organization so single-tenant users never see tenants. */
export async function ensureDefaultOrganization(deps: {
  store: DirectoryStore;
  clock: Clock;
  ids: IdSource;
}): Promise<Organization | undefined> {
  if ((await deps.store.organizations.count()) > 0) return undefined;
  return deps.store.organizations.ensure({
    id: deps.ids.newId(),
    name: DEFAULT_ORGANIZATION,
    createdAt: deps.clock.now().toISOString(),
  });
}
