import type { DirectoryStore } from '../ports.js';
import { DirectoryError } from '../directory-error.js';

/**
 * Deletes an integration, its token and the SCIM resources it provisioned (the rows cascade).
 * The identities built from them arrive with the directory issue, which adds the choice of what
 * happens to them.
 */
export async function deleteIntegration(
  deps: { store: DirectoryStore },
  integrationId: string,
): Promise<void> {
  if (!(await deps.store.integrations.delete(integrationId))) {
    throw new DirectoryError('integration_not_found', `No integration with id "${integrationId}".`);
  }
}
