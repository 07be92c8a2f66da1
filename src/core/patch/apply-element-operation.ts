import { InvalidValueError, MutabilityError, NoTargetError } from '../errors.js';
import type { ResolvedFilter } from '../filter/filter-ast.js';
import type { ResolvedPath } from '../path/attribute-path.js';
import { isPlainObject, type JsonObject } from '../resource/json.js';
import type { AttributeDefinition } from '../schema/attribute-definition.js';
import { readAttribute, writeAttribute } from './attribute-slot.js';
import { checkTargetMutability } from './check-target-mutability.js';
import { coerceElement, coercePatchValue, elementsOf } from './coerce-patch-value.js';
import { elementMatches, filterTemplate } from './element-filter.js';
import { jsonEqual } from './json-value.js';
import type { PatchOpName } from './patch-operation.js';
import { settleElements } from './settle-elements.js';

/** Some elements of a multi-valued complex attribute, and optionally one sub-attribute of each. */
export interface ElementSelection {
  readonly text: string;
  readonly path: ResolvedPath;
  /** Undefined selects every element (`emails.primary`). */
  readonly filter: ResolvedFilter | undefined;
  readonly subAttribute: AttributeDefinition | undefined;
}

/**
 * Applies an operation to the elements a value filter selects (RFC 7644 §3.5.2, `valuePath [subAttr]`),
 * modifying `resource`, the engine's working copy, in place.
 *
 * - remove: drops the matching elements, or the sub-attribute from each. A filter that matches nothing
 *   succeeds without change (the state asked for already holds, so IdP retries are harmless).
 * - add/replace with `.sub`: sets it on every matching element; with no match, creates the element the
 *   filter describes when it can (Entra ID: `phoneNumbers[type eq "mobile"].value`), else `noTarget`.
 *   `strict` keeps to RFC 7644 §3.5.2.3 instead: a replace that matches nothing is `noTarget`.
 * - add without `.sub`: merges the value into each matching element; with no match, creates one as above.
 * - replace without `.sub`: replaces each matching element (RFC 7644 §3.5.2.3); with no match, `noTarget`.
 *   A null value removes the matching elements.
 */
export function applyElementOperation(
  resource: JsonObject,
  op: PatchOpName,
  selection: ElementSelection,
  value: unknown,
  strict = false,
): void {
  const { text, path, filter, subAttribute } = selection;
  if (!checkTargetMutability(text, path.attribute, subAttribute)) return;
  if (op !== 'remove' && value === undefined)
    throw new InvalidValueError(`"${op}" of "${text}" needs a "value".`);
  const elements = elementsOf(readAttribute(resource, path));
  const matched = new Set(elements.filter((e) => filter === undefined || elementMatches(path, filter, e)));
  const written: unknown[] = [];
  let next: unknown[];
  if (op === 'remove' || (op === 'replace' && subAttribute === undefined && value === null)) {
    if (matched.size === 0) return;
    next =
      subAttribute === undefined
        ? elements.filter((element) => !matched.has(element))
        : elements.map((element) =>
            matched.has(element)
              ? keepImmutables(selection, element, without(element, subAttribute.name))
              : element,
          );
  } else if (subAttribute !== undefined) {
    if (strict && op === 'replace' && matched.size === 0) throw noTarget(text);
    const coerced = coercePatchValue(subAttribute, value, text);
    if (coerced === undefined && (op === 'add' || matched.size === 0)) return;
    next = elements.map((element) => {
      if (!matched.has(element)) return element;
      const updated = keepImmutables(selection, element, setSub(element, subAttribute, coerced));
      written.push(updated);
      return updated;
    });
    if (matched.size === 0) next.push(create(selection, { [subAttribute.name]: coerced }, written));
  } else {
    const coerced = coerceElement(path.attribute, value, text);
    if (coerced === undefined) return;
    if (matched.size === 0) {
      if (op === 'replace') throw noTarget(text);
      next = [...elements, create(selection, coerced, written)];
    } else {
      next = elements.map((element) => {
        if (!matched.has(element)) return element;
        const updated = keepImmutables(
          selection,
          element,
          op === 'add' && isPlainObject(element) && isPlainObject(coerced)
            ? { ...element, ...coerced }
            : coerced,
        );
        written.push(updated);
        return updated;
      });
    }
  }
  writeAttribute(resource, path, settleElements(next, written));
}

function create(selection: ElementSelection, given: unknown, written: unknown[]): unknown {
  const template = selection.filter === undefined ? undefined : filterTemplate(selection.filter);
  if (template === undefined) throw noTarget(selection.text);
  const fields = isPlainObject(given) ? given : {};
  const created = coerceElement(selection.path.attribute, { ...template, ...fields }, selection.text);
  written.push(created);
  return created;
}

function setSub(element: unknown, sub: AttributeDefinition, coerced: unknown): JsonObject {
  const updated: JsonObject = isPlainObject(element) ? { ...element } : {};
  if (coerced === undefined) delete updated[sub.name];
  else updated[sub.name] = coerced;
  return updated;
}

/**
 * RFC 7643 §2.2: an immutable sub-attribute of an element may be given a value once, never changed or
 * removed (removing the whole element is allowed). Returns `after` when it keeps them.
 */
function keepImmutables<T>(selection: ElementSelection, before: unknown, after: T): T {
  if (!isPlainObject(before)) return after;
  for (const sub of selection.path.attribute.subAttributes ?? []) {
    const old = before[sub.name];
    if (sub.mutability !== 'immutable' || old === undefined) continue;
    const now = isPlainObject(after) ? after[sub.name] : undefined;
    if (!jsonEqual(old, now)) {
      throw new MutabilityError(
        `"${selection.text}" would change "${selection.path.attribute.name}.${sub.name}", which is immutable (RFC 7643 §2.2).`,
      );
    }
  }
  return after;
}

function without(element: unknown, name: string): unknown {
  if (!isPlainObject(element)) return element;
  const { [name]: _removed, ...rest } = element;
  return rest;
}

function noTarget(text: string): NoTargetError {
  return new NoTargetError(`No value matches "${text}" (RFC 7644 §3.5.2).`);
}
