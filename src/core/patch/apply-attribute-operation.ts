import { InvalidValueError } from '../errors.js';
import { coerceAttribute } from '../resource/coerce-resource.js';
import { isPlainObject, type JsonObject } from '../resource/json.js';
import { applyElementOperation } from './apply-element-operation.js';
import { readAttribute, writeAttribute } from './attribute-slot.js';
import { checkTargetMutability } from './check-target-mutability.js';
import { coercePatchValue, elementsOf } from './coerce-patch-value.js';
import type { AttributeTarget, PatchOpName } from './patch-operation.js';
import { sameElement } from './same-element.js';
import { settleElements } from './settle-elements.js';

/**
 * Applies one operation whose path is an attribute or `attribute.sub` (no value filter) to `resource`,
 * the engine's private working copy, which it modifies in place.
 */
export function applyAttributeOperation(
  resource: JsonObject,
  op: PatchOpName,
  target: AttributeTarget,
  value: unknown,
): void {
  const { attribute, subAttribute } = target.path;
  if (!checkTargetMutability(target.text, attribute, subAttribute)) return;
  if (op !== 'remove' && value === undefined) {
    throw new InvalidValueError(`"${op}" of "${target.text}" needs a "value".`);
  }
  if (subAttribute !== undefined && attribute.multiValued) {
    // `emails.primary` without a filter addresses that sub-attribute of every element.
    const selection = { text: target.text, path: target.path, filter: undefined, subAttribute };
    applyElementOperation(resource, op, selection, value);
    return;
  }
  if (subAttribute !== undefined) {
    writeSubAttribute(resource, op, target, value);
    return;
  }
  if (op === 'remove') {
    removeAttribute(resource, target, value);
    return;
  }
  const coerced = coercePatchValue(attribute, value, target.text);
  if (attribute.multiValued) {
    // RFC 7644 §3.5.2.1: add appends; §3.5.2.3: replace without a filter replaces every value.
    if (op === 'add') addElements(resource, target, coerced);
    else writeAttribute(resource, target.path, settleElements(elementsOf(coerced), []));
    return;
  }
  if (coerced === undefined) {
    // RFC 7643 §2.5: replacing with null (or Entra ID's "" manager) unassigns; adding it changes nothing,
    // nor does a complex value with no writable sub-attribute.
    if (op === 'replace' && !isPlainObject(value)) writeAttribute(resource, target.path, undefined);
    return;
  }
  const existing = readAttribute(resource, target.path);
  // RFC 7644 §3.5.2.1 and §3.5.2.3: for a complex attribute both add and replace write the given
  // sub-attributes and leave the others unchanged.
  const merged =
    attribute.type === 'complex' && isPlainObject(existing) && isPlainObject(coerced)
      ? { ...existing, ...coerced }
      : coerced;
  writeAttribute(resource, target.path, merged);
}

/** `name.givenName`: a sub-attribute of a singular complex attribute, created when missing. */
function writeSubAttribute(resource: JsonObject, op: PatchOpName, target: AttributeTarget, value: unknown) {
  const sub = target.path.subAttribute;
  if (sub === undefined) return;
  const existing = readAttribute(resource, target.path);
  const object: JsonObject = isPlainObject(existing) ? { ...existing } : {};
  if (op === 'remove') {
    delete object[sub.name];
  } else {
    const coerced = coercePatchValue(sub, value, target.text);
    if (coerced === undefined && op === 'add') return;
    if (coerced === undefined) delete object[sub.name];
    else object[sub.name] = coerced;
  }
  writeAttribute(resource, target.path, object);
}

/**
 * RFC 7644 §3.5.2.1: a value already present (see sameElement) is not added twice; its other
 * sub-attributes are updated from the new value instead, so `{"value": "a@x", "primary": true}` marks
 * the existing address primary.
 */
function addElements(resource: JsonObject, target: AttributeTarget, coerced: unknown): void {
  const definition = target.path.attribute;
  const elements = elementsOf(readAttribute(resource, target.path));
  const writtenAt = new Set<number>();
  for (const item of elementsOf(coerced)) {
    const found = elements.findIndex((element) => sameElement(definition, element, item));
    const index = found >= 0 ? found : elements.length;
    const existing = elements[index];
    elements[index] = isPlainObject(existing) && isPlainObject(item) ? { ...existing, ...item } : item;
    writtenAt.add(index);
  }
  const written = [...writtenAt].map((index) => elements[index]);
  writeAttribute(resource, target.path, settleElements(elements, written));
}

/**
 * RFC 7644 §3.5.2.2: remove unassigns the attribute; removing one that is not there succeeds. With a
 * `value` list on a multi-valued attribute only the listed values go: Entra ID's legacy member removal
 * `{"op":"Remove","path":"members","value":[{"value":"<id>"}]}` means "these", never "all".
 */
function removeAttribute(resource: JsonObject, target: AttributeTarget, value: unknown): void {
  const definition = target.path.attribute;
  if (!definition.multiValued || value === undefined || value === null) {
    writeAttribute(resource, target.path, undefined);
    return;
  }
  const listed = elementsOf(coerceAttribute(definition, value, target.text));
  const kept = elementsOf(readAttribute(resource, target.path)).filter(
    (element) => !listed.some((item) => sameElement(definition, element, item)),
  );
  writeAttribute(resource, target.path, kept);
}
