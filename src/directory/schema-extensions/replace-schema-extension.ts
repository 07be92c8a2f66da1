import { narrowingChecks } from '../../core/schema/extension-narrowing.js';
import { parseExtensionSchema } from '../../core/schema/extension-schema.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { DirectoryConflict, InvalidDirectoryInput, type Problem } from '../directory-error.js';
import type { SchemaExtension } from '../model/schema-extension.js';
import type { DataBreak } from '../ports/schema-extension-repository.js';
import { integrationsAccepting } from './extension-users.js';
import { schemaExtensionInOrganization } from './find-schema-extension.js';

/** How many broken resources a refusal lists (the count says how many there are in all). */
export const MAX_LISTED_BREAKS = 50;

/**
 * Replaces an extension's definition with a new version. The URN and resource type stay (a new URN is
 * a new extension). A narrowing change first checks the stored resources of every integration that
 * accepts the extension, with capped indexed queries, and is refused with the resources it would break.
 * Every integration of the organization then reads its resource types anew (schema generation).
 */
export async function replaceSchemaExtension(
  deps: DirectoryDeps,
  organizationId: string,
  idOrUrn: string,
  body: unknown,
): Promise<SchemaExtension> {
  const current = await schemaExtensionInOrganization(deps.store, organizationId, idOrUrn);
  const parsed = parseExtensionSchema(body);
  if (!parsed.ok) throw new InvalidDirectoryInput('invalid_schema_extension', parsed.error);
  const next = parsed.value;
  const problems: Problem[] = [];
  if (next.schema.id.toLowerCase() !== current.definition.schema.id.toLowerCase())
    problems.push({ field: 'urn', message: 'the urn of an extension cannot change; define a new one' });
  if (next.resourceType !== current.definition.resourceType)
    problems.push({ field: 'resourceType', message: 'the resourceType of an extension cannot change' });
  if (problems.length > 0) throw new InvalidDirectoryInput('invalid_schema_extension', problems);

  const scope = { organizationId };
  const accepting = await integrationsAccepting(deps.store, organizationId, current.definition.schema.id);
  const checks = narrowingChecks(current.definition.schema, {
    ...next.schema,
    id: current.definition.schema.id,
  });
  const breaks: DataBreak[] = [];
  let total = 0;
  for (const check of checks) {
    const found = await deps.store.schemaExtensions.findBreaks(
      scope,
      accepting.map((i) => i.id),
      current.definition.resourceType,
      check,
      MAX_LISTED_BREAKS - breaks.length > 0 ? MAX_LISTED_BREAKS - breaks.length : 1,
    );
    total += found.total;
    breaks.push(...found.breaks.slice(0, Math.max(0, MAX_LISTED_BREAKS - breaks.length)));
  }
  if (total > 0) {
    throw new DirectoryConflict(
      'schema_extension_breaks_data',
      `The new definition would break ${total} stored value(s); the first ${breaks.length} are listed.`,
      breaks.map((b) => ({
        field: b.attribute,
        message: `${b.resourceId} (integration ${b.integrationId}): ${b.reason}`,
      })),
    );
  }
  const replaced: SchemaExtension = {
    ...current,
    version: current.version + 1,
    // The stored URN keeps its first spelling: stored resources carry it as their key.
    definition: { ...next, schema: { ...next.schema, id: current.definition.schema.id } },
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.store.transaction(async (store) => {
    if (!(await store.schemaExtensions.replace(replaced, current.version))) {
      throw new DirectoryConflict(
        'schema_extension_changed',
        'The schema extension changed meanwhile; read it again and retry.',
      );
    }
    await store.integrations.bumpSchemaGeneration(scope);
  });
  return replaced;
}
