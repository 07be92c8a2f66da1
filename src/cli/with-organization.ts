import type { DirectoryDeps } from '../directory/directory-deps.js';
import { organizationNamed } from '../directory/organizations/organization-named.js';
import type { Organization } from '../directory/model/organization.js';
import type { Integration } from '../directory/model/integration.js';
import { resolveByIdOrName } from '../directory/names/resolve-by-id-or-name.js';
import type { Config } from './config.js';
import type { EventCause } from '../directory/model/directory-event.js';

/** Changes made by a CLI command are the CLI's (events say so). */
export const cliCause: EventCause = {
  actor: { kind: 'cli', id: null },
  integrationId: null,
  requestId: null,
};
import { prepareDatabase, systemClock, uuidSource } from './open-database.js';

export interface OrganizationSession {
  readonly deps: DirectoryDeps;
  readonly organization: Organization;
}

/**
 * Opens the store, finds the organization named by `--org` and runs `work` scoped to it; every admin
 * command goes through here so none can forget the tenant. The store is closed whatever happens.
 */
export async function withOrganization<T>(
  config: Config,
  organizationName: string,
  work: (session: OrganizationSession) => Promise<T>,
): Promise<T> {
  const { store } = await prepareDatabase(config);
  try {
    const organization = await organizationNamed(store, organizationName);
    return await work({
      deps: { store, clock: systemClock, ids: uuidSource, cause: cliCause },
      organization,
    });
  } finally {
    await store.close();
  }
}

export interface IntegrationSession extends OrganizationSession {
  readonly integration: Integration;
}

/** `withOrganization`, then the integration named by id or name (any case) in that organization. */
export async function withIntegration<T>(
  config: Config,
  organizationName: string,
  integrationText: string,
  work: (session: IntegrationSession) => Promise<T>,
): Promise<T> {
  return withOrganization(config, organizationName, async (session) => {
    const integration = await resolveByIdOrName(
      session.deps.store,
      session.organization.id,
      'integration',
      integrationText,
    );
    return work({ ...session, integration });
  });
}

/** Opens the store, runs `work` with the use cases' dependencies, and closes the store whatever happens. */
export async function withDirectory<T>(
  config: Config,
  work: (deps: DirectoryDeps) => Promise<T>,
): Promise<T> {
  const { store } = await prepareDatabase(config);
  try {
    return await work({ store, clock: systemClock, ids: uuidSource, cause: cliCause });
  } finally {
    await store.close();
  }
}

/** Machine output for `--json`. */
export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, (_key, v: unknown) => (v instanceof Map ? Object.fromEntries(v) : v), 2));
}
