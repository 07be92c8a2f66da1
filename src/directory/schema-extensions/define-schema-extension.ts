import { parseExtensionSchema } from '../../core/schema/extension-schema.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { DirectoryConflict, InvalidDirectoryInput } from '../directory-error.js';
import type { SchemaExtension } from '../model/schema-extension.js';

/** A new extension schema of the organization, version 1; URNs are unique per organization in any case. */
export async function defineSchemaExtension(
  deps: DirectoryDeps,
  organizationId: string,
  body: unknown,
): Promise<SchemaExtension> {
  const parsed = parseExtensionSchema(body);
  if (!parsed.ok) throw new InvalidDirectoryInput('invalid_schema_extension', parsed.error);
  const now = deps.clock.now().toISOString();
  const extension: SchemaExtension = {
    id: deps.ids.newId(),
    organizationId,
    version: 1,
    definition: parsed.value,
    createdAt: now,
    updatedAt: now,
  };
  if (!(await deps.store.schemaExtensions.insert(extension))) {
    throw new DirectoryConflict(
      'schema_extension_exists',
      `A schema extension "${parsed.value.schema.id}" already exists in this organization.`,
    );
  }
  return extension;
}
