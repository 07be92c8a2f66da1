import type { DirectoryDeps } from '../directory-deps.js';
import { DirectoryConflict } from '../directory-error.js';
import type { SchemaExtension } from '../model/schema-extension.js';
import { integrationsAccepting } from './extension-users.js';
import { schemaExtensionInOrganization } from './find-schema-extension.js';

/** Deletes an extension no integration accepts (stored values under its URN stay, unadvertised). */
export async function deleteSchemaExtension(
  deps: DirectoryDeps,
  organizationId: string,
  idOrUrn: string,
): Promise<SchemaExtension> {
  const extension = await schemaExtensionInOrganization(deps.store, organizationId, idOrUrn);
  const accepting = await integrationsAccepting(deps.store, organizationId, extension.definition.schema.id);
  if (accepting.length > 0) {
    throw new DirectoryConflict(
      'schema_extension_in_use',
      `Integrations still accept "${extension.definition.schema.id}"; remove it from their settings first.`,
      accepting.map((i) => ({ field: 'integration', message: `${i.id} (${i.name})` })),
    );
  }
  await deps.store.transaction(async (store) => {
    await store.schemaExtensions.delete({ organizationId }, extension.id);
    await store.integrations.bumpSchemaGeneration({ organizationId });
  });
  return extension;
}
