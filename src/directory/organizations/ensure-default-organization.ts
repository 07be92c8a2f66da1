import type { Organization } from '../model/organization.js';
import type { Clock, IdSource } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';

export const DEFAULT_ORGANIZATION = 'default';

/** On an empty installation, create the `default` organization so single-tenant users never see tenants. */
export async function ensureDefaultOrganization(deps: {
  store: DirectoryStore;
  clock: Clock;
  ids: IdSource;
}): Promise<Organization | undefined> {
  if ((await deps.store.organizations.count()) > 0) return undefined;
  const now = deps.clock.now().toISOString();
  const organization = await deps.store.organizations.ensure({
    id: deps.ids.newId(),
    name: DEFAULT_ORGANIZATION,
    createdAt: now,
  });
  // Every organization has a Default auth policy (accepts every enabled JWT signer; cannot be deleted).
  await deps.store.authPolicies.ensureDefault({ organizationId: organization.id }, deps.ids.newId(), now);
  return organization;
}
