import type { SchemaDefinition } from '../../core/schema/attribute-definition.js';
import {
  groupResourceType,
  userResourceType,
  withExtensions,
  type ResourceTypeDefinition,
  type ResourceTypeName,
} from '../../core/schema/resource-types.js';
import type { IntegrationScope } from '../model/scope.js';
import type { DirectoryStore } from '../ports/directory-store.js';

/** The resource types one integration serves: the built-in ones with the extensions it accepts. */
export interface IntegrationResourceTypes {
  readonly User: ResourceTypeDefinition;
  readonly Group: ResourceTypeDefinition;
  /** The accepted custom extension schemas, for /Schemas. */
  readonly custom: readonly SchemaDefinition[];
}

export const builtInResourceTypes: IntegrationResourceTypes = Object.freeze({
  User: userResourceType,
  Group: groupResourceType,
  custom: Object.freeze([]),
});

/**
 * Composed types per (integration, schema generation, accepted URNs). The generation is read with the
 * credential on every request and bumped in the same transaction as any definition change, so every
 * instance's entry goes stale at once; settings changes change the URN list. Bounded: old keys fall out.
 */
const composed = new Map<string, IntegrationResourceTypes>();
const CAPACITY = 1024;

export async function integrationResourceTypes(
  store: DirectoryStore,
  scope: IntegrationScope,
  acceptedUrns: readonly string[],
  generation: number,
): Promise<IntegrationResourceTypes> {
  // The common case (no custom extension) costs nothing: no statement, no allocation.
  if (acceptedUrns.length === 0) return builtInResourceTypes;
  const key = `${scope.integrationId}\u0000${generation}\u0000${acceptedUrns.join('\u0000')}`;
  const known = composed.get(key);
  if (known) return known;
  const extensions = await store.schemaExtensions.findByUrns(scope, acceptedUrns);
  const of = (name: ResourceTypeName) =>
    extensions.filter((e) => e.definition.resourceType === name).map((e) => e.definition.schema);
  const types: IntegrationResourceTypes = Object.freeze({
    User: withExtensions(userResourceType, of('User')),
    Group: withExtensions(groupResourceType, of('Group')),
    custom: Object.freeze(extensions.map((e) => e.definition.schema)),
  });
  if (composed.size >= CAPACITY) composed.clear();
  composed.set(key, types);
  return types;
}
