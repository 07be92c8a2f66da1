import type { AttributeDefinition, SchemaDefinition } from './attribute-definition.js';

/**
 * What a changed definition must check in existing data before it is saved: one attribute (path under
 * the extension's URN in the stored document) and the test its stored values fail.
 */
export type DataCheck =
  | { readonly kind: 'present'; readonly path: readonly string[]; readonly reason: string }
  | { readonly kind: 'missing'; readonly path: readonly string[]; readonly reason: string }
  | {
      readonly kind: 'notIn';
      readonly path: readonly string[];
      readonly values: readonly string[];
      readonly multiValued: boolean;
      readonly caseExact: boolean;
      readonly reason: string;
    }
  | { readonly kind: 'duplicate'; readonly path: readonly string[]; readonly reason: string };

/**
 * The checks a replacement of `before` by `after` needs: it narrows where stored values could stop
 * conforming (RFC 7643 §2.2 characteristics): an attribute removed or its type or plurality changed
 * (any stored value breaks), newly required (resources carrying the extension without it), canonical
 * values newly listed or narrowed (values outside the list), uniqueness newly `server` (duplicates).
 * Widening changes (new optional attributes, wider lists, descriptions) need no check.
 */
export function narrowingChecks(before: SchemaDefinition, after: SchemaDefinition): DataCheck[] {
  const checks: DataCheck[] = [];
  compareAttributes(before.attributes, after.attributes, [before.id], checks, false);
  return checks;
}

function compareAttributes(
  before: readonly AttributeDefinition[],
  after: readonly AttributeDefinition[],
  prefix: readonly string[],
  checks: DataCheck[],
  underMultiValued: boolean,
): void {
  for (const old of before) {
    const next = after.find((a) => a.name.toLowerCase() === old.name.toLowerCase());
    // Stored documents use the canonical name of the version that wrote them.
    const path = [...prefix, old.name];
    const label = path.slice(1).join('.');
    if (!next) {
      checks.push({ kind: 'present', path, reason: `"${label}" is removed but has a value` });
      continue;
    }
    if (next.name !== old.name) {
      checks.push({
        kind: 'present',
        path,
        reason: `"${label}" is renamed to "${next.name}" but has a value`,
      });
      continue;
    }
    if (next.type !== old.type || next.multiValued !== old.multiValued) {
      checks.push({
        kind: 'present',
        path,
        reason: `"${label}" changes from ${describe(old)} to ${describe(next)} but has a value`,
      });
      continue;
    }
    // Checks below look at one stored value; a sub-attribute of a multi-valued complex lives in an
    // array of elements, which is checked as a whole when present.
    if (underMultiValued) {
      if (narrows(old, next))
        checks.push({ kind: 'present', path: prefix, reason: `"${label}" is narrowed but has values` });
      continue;
    }
    if (next.required && !old.required && prefix.length === 1) {
      checks.push({ kind: 'missing', path, reason: `"${label}" becomes required but has no value` });
    }
    if (next.canonicalValues && next.type === 'string' && narrowedCanonical(old, next)) {
      checks.push({
        kind: 'notIn',
        path,
        values: next.canonicalValues,
        multiValued: next.multiValued,
        caseExact: next.caseExact,
        reason: `"${label}" has a value outside the new canonicalValues`,
      });
    }
    if (next.uniqueness !== 'none' && old.uniqueness === 'none' && !next.multiValued) {
      checks.push({ kind: 'duplicate', path, reason: `"${label}" becomes unique but has duplicates` });
    }
    if (old.type === 'complex' && old.subAttributes && next.subAttributes) {
      compareAttributes(old.subAttributes, next.subAttributes, path, checks, old.multiValued);
    }
  }
}

function narrows(old: AttributeDefinition, next: AttributeDefinition): boolean {
  return (
    (next.required && !old.required) ||
    (next.canonicalValues !== undefined && narrowedCanonical(old, next)) ||
    (next.uniqueness !== 'none' && old.uniqueness === 'none')
  );
}

function narrowedCanonical(old: AttributeDefinition, next: AttributeDefinition): boolean {
  if (!next.canonicalValues) return false;
  if (!old.canonicalValues) return true;
  const fold = (v: string) => (next.caseExact ? v : v.toLowerCase());
  const allowed = new Set(next.canonicalValues.map(fold));
  return old.canonicalValues.some((v) => !allowed.has(fold(v)));
}

function describe(definition: AttributeDefinition): string {
  return `${definition.multiValued ? 'multi-valued ' : ''}${definition.type}`;
}
