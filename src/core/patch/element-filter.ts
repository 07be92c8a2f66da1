import { evaluateFilter } from '../filter/evaluate-filter.js';
import type { ResolvedFilter } from '../filter/filter-ast.js';
import type { ResolvedPath } from '../path/attribute-path.js';
import type { JsonObject } from '../resource/json.js';

/**
 * Whether one element of the multi-valued attribute at `path` satisfies a value filter's bracket
 * (`emails[type eq "work"]`), with the shared in-memory evaluator's semantics: the element is placed
 * alone in a stand-in resource and the bracket evaluated as a value path.
 */
export function elementMatches(path: ResolvedPath, filter: ResolvedFilter, element: unknown): boolean {
  const holder: JsonObject = { [path.attribute.name]: [element] };
  const resource = path.isExtension ? { [path.schemaUrn]: holder } : holder;
  return evaluateFilter(resource, { kind: 'valuePath', path, filter });
}

/**
 * The element a filter describes, when it pins sub-attributes to single values: `type eq "mobile"`, or
 * `and`s of such `eq`s on distinct sub-attributes. Entra ID writes `phoneNumbers[type eq "mobile"].value`
 * to a user who has no mobile number and expects one to be created; any other filter (`or`, `not`,
 * `pr`, `co`, …) describes no single element, so no element is created. Values are already typed by
 * the filter resolver (`primary eq true` gives a boolean).
 */
export function filterTemplate(filter: ResolvedFilter): JsonObject | undefined {
  switch (filter.kind) {
    case 'compare': {
      const sub = filter.path.subAttribute;
      if (filter.op !== 'eq' || sub === undefined || filter.value === null) return undefined;
      return { [sub.name]: filter.value };
    }
    case 'and': {
      const left = filterTemplate(filter.left);
      const right = filterTemplate(filter.right);
      if (left === undefined || right === undefined) return undefined;
      const clash = Object.keys(right).some((key) => Object.hasOwn(left, key) && left[key] !== right[key]);
      return clash ? undefined : { ...left, ...right };
    }
    default:
      return undefined;
  }
}
