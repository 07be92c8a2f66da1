import type { DirectoryStore } from '../ports/directory-store.js';
import type { Integration } from '../model/integration.js';

/** The organization's integrations whose settings accept the extension of this URN (any case). */
export async function integrationsAccepting(
  store: DirectoryStore,
  organizationId: string,
  urn: string,
): Promise<Integration[]> {
  const scope = { organizationId };
  const wanted = urn.toLowerCase();
  const accepting: Integration[] = [];
  for (const integration of await store.integrations.list(scope)) {
    const settings = await store.integrations.settings({ organizationId, integrationId: integration.id });
    if (settings?.schemaExtensions.some((u) => u.toLowerCase() === wanted)) accepting.push(integration);
  }
  return accepting;
}
