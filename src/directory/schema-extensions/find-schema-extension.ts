import type { DirectoryStore } from '../ports/directory-store.js';
import { DirectoryNotFound } from '../directory-error.js';
import type { SchemaExtension } from '../model/schema-extension.js';

/** An extension of the organization, named by its id or its URN (any case). */
export async function schemaExtensionInOrganization(
  store: DirectoryStore,
  organizationId: string,
  idOrUrn: string,
): Promise<SchemaExtension> {
  const scope = { organizationId };
  const found = idOrUrn.toLowerCase().startsWith('urn:')
    ? await store.schemaExtensions.findByUrn(scope, idOrUrn)
    : await store.schemaExtensions.findById(scope, idOrUrn);
  if (!found) {
    throw new DirectoryNotFound('schema_extension_not_found', `No schema extension "${idOrUrn}".`);
  }
  return found;
}
