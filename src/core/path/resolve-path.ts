import { findSubAttribute } from '../schema/attribute-definition.js';
import { findAttribute, findExtension, type ResourceTypeDefinition } from '../schema/resource-types.js';
import { err, ok, type Result } from '../result.js';
import type { AttributePath, ResolvedPath } from './attribute-path.js';
import { pathText } from './path-text.js';

/**
 * Binds a path to the resource type's schemas (RFC 7643 §2.1: names are case-insensitive), so callers see
 * canonical names and the definitions that govern comparison. Errors name the path as written.
 */
export function resolvePath(
  resourceType: ResourceTypeDefinition,
  path: AttributePath,
): Result<ResolvedPath, string> {
  const urn = path.schemaUrn;
  if (
    urn !== undefined &&
    urn.toLowerCase() !== resourceType.schema.id.toLowerCase() &&
    findExtension(resourceType, urn) === undefined
  ) {
    return err(`unknown schema "${urn}" for ${resourceType.name} resources`);
  }
  const located = findAttribute(resourceType, path.attribute, urn);
  if (located === undefined) {
    const written = urn === undefined ? path.attribute : `${urn}:${path.attribute}`;
    return err(`unknown attribute "${written}"`);
  }
  const base = {
    kind: 'resolvedPath',
    schemaUrn: located.schemaUrn,
    isExtension: located.isExtension,
  } as const;
  if (path.subAttribute === undefined)
    return ok({ ...base, attribute: located.definition, subAttribute: undefined });

  const definition = located.definition;
  if (definition.type !== 'complex') {
    return err(
      `"${definition.name}" is not a complex attribute, so it has no sub-attribute "${path.subAttribute}"`,
    );
  }
  const subAttribute = findSubAttribute(definition, path.subAttribute);
  if (subAttribute === undefined) {
    return err(`unknown sub-attribute "${path.subAttribute}" of "${definition.name}"`);
  }
  return ok({ ...base, attribute: definition, subAttribute });
}

/**
 * Resolves a path written inside a value filter, `emails[type eq "work"]`: RFC 7644 §3.4.2.2 makes it
 * relative to the bracketed attribute, so `type` means `emails.type`.
 */
export function resolveRelativePath(outer: ResolvedPath, path: AttributePath): Result<ResolvedPath, string> {
  const parent = outer.attribute;
  if (path.schemaUrn !== undefined || path.subAttribute !== undefined) {
    return err(
      `inside "${parent.name}[…]" write a sub-attribute name of "${parent.name}", not "${pathText(path)}"`,
    );
  }
  const subAttribute = findSubAttribute(parent, path.attribute);
  if (subAttribute === undefined) return err(`unknown sub-attribute "${path.attribute}" of "${parent.name}"`);
  return ok({ ...outer, subAttribute });
}
