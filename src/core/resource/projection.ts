import type { ResolvedPath } from '../path/attribute-path.js';
import { parseAttributePath } from '../path/parse-attribute-path.js';
import { resolvePath } from '../path/resolve-path.js';
import type { ResourceTypeDefinition } from '../schema/resource-types.js';
import { InvalidValueError } from '../errors.js';
import { defaultInputLimits } from '../protocol/input-limits.js';

/**
 * RFC 7644 §3.4.2.5 and §3.9: which attributes a response carries. `attributes` (when given) lists the
 * only ones wanted, besides those returned "always"; `excludedAttributes` removes some from the default
 * set. Paths are resolved, so names compare canonically.
 */
export interface Projection {
  readonly attributes: readonly ResolvedPath[] | undefined;
  readonly excludedAttributes: readonly ResolvedPath[];
}

export const defaultProjection: Projection = Object.freeze({ attributes: undefined, excludedAttributes: [] });

/**
 * Builds a projection from the comma-separated parameter values. Names the schema does not define are
 * ignored rather than refused: providers ask for attributes of their own, and a missing attribute is
 * simply absent from the response.
 */
export function parseProjection(
  type: ResourceTypeDefinition,
  attributes: string | undefined,
  excludedAttributes: string | undefined,
  maxAttributeNames: number = defaultInputLimits.maxAttributeNames,
): Projection {
  const names = (text: string | undefined, parameter: string): string[] => {
    const parts = (text ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
    if (parts.length > maxAttributeNames) {
      throw new InvalidValueError(
        `"${parameter}" lists ${parts.length} names; at most ${maxAttributeNames} are accepted (ROSTER_MAX_ATTRIBUTE_NAMES).`,
      );
    }
    return parts;
  };
  const resolveAll = (text: string | undefined, parameter: string): ResolvedPath[] =>
    names(text, parameter).flatMap((part) => {
      const parsed = parseAttributePath(part);
      if (!parsed.ok) return [];
      const resolved = resolvePath(type, parsed.value);
      return resolved.ok ? [resolved.value] : [];
    });
  const listed =
    attributes === undefined || attributes.trim() === '' ? undefined : resolveAll(attributes, 'attributes');
  return { attributes: listed, excludedAttributes: resolveAll(excludedAttributes, 'excludedAttributes') };
}

/** Whether a top-level attribute (by canonical name and schema) is wanted at all, for any sub-attribute. */
export function projectionWants(projection: Projection, schemaUrn: string, name: string): boolean {
  const same = (path: ResolvedPath) => path.schemaUrn === schemaUrn && path.attribute.name === name;
  if (projection.excludedAttributes.some((path) => same(path) && path.subAttribute === undefined))
    return false;
  return projection.attributes === undefined || projection.attributes.some(same);
}
