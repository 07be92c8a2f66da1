import { isPlainObject } from '../resource/json.js';
import { jsonEqual } from './json-value.js';

/**
 * Tidies a multi-valued attribute after an operation wrote to it:
 * - RFC 7644 §3.5.2: when an operation sets "primary" to true on a value, the server SHALL set it to
 *   false on every other value, so among the elements this operation wrote (`written`, by identity) the
 *   first marked primary wins; without one, the first existing primary keeps it (RFC 7643 §2.4: at most
 *   one primary);
 * - elements left empty are dropped, and exact duplicates collapse, as coerceResource does for POST.
 */
export function settleElements(elements: readonly unknown[], written: readonly unknown[]): unknown[] {
  const winner = written.find(isPrimary) ?? elements.find(isPrimary);
  const settled = elements
    .filter((element) => !(isPlainObject(element) && Object.keys(element).length === 0))
    .map((element) =>
      element !== winner && isPrimary(element) && isPlainObject(element)
        ? { ...element, primary: false }
        : element,
    );
  return settled.filter(
    (element, index) => settled.findIndex((other) => jsonEqual(other, element)) === index,
  );
}

function isPrimary(element: unknown): boolean {
  return isPlainObject(element) && element.primary === true;
}
