import { parseAttributePath } from '../../../src/core/path/parse-attribute-path.js';
import { resolvePath } from '../../../src/core/path/resolve-path.js';
import { userResourceType } from '../../../src/core/schema/resource-types.js';

/**
 * Checks a custom sign-in external ID path as the server does (directory/model/integration-settings.ts
 * parseSignInExternalId): the same RFC 7644 §3.10 path parser and User schema resolver from src/core,
 * so what passes here is what the server accepts. undefined when the path is good; else why not.
 */
export function externalIdPathProblem(text: string): string | undefined {
  const value = text.trim();
  if (value === '')
    return 'Enter a SCIM attribute path, e.g. externalId or urn:…:enterprise:2.0:User:employeeNumber.';
  const parsed = parseAttributePath(value);
  if (!parsed.ok) return `Not an attribute path: ${parsed.error.reason}.`;
  const resolved = resolvePath(userResourceType, parsed.value);
  if (!resolved.ok) return `${resolved.error}.`;
  const target = resolved.value.subAttribute ?? resolved.value.attribute;
  if (target.type === 'complex' && !resolved.value.attribute.multiValued) {
    return `“${value}” is a complex attribute; name one of its sub-attributes.`;
  }
  return undefined;
}
