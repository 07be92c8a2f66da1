import type { AttributeDefinition, SchemaDefinition } from '../schema/attribute-definition.js';
import { isDateTime } from './coerce-value.js';
import { isPlainObject, type JsonObject } from './json.js';

/**
 * Strictly checks a document the server produces against a schema (discovery documents against
 * RFC 7643 §5–7): required attributes present, types and plurality right, canonical values respected,
 * nothing unknown. Returns every problem found; an empty list means the document conforms.
 */
export function schemaConformanceProblems(schema: SchemaDefinition, document: JsonObject): string[] {
  const problems: string[] = [];
  const envelope = new Set(['schemas', 'meta', 'id']);
  if (!Array.isArray(document.schemas) || !document.schemas.includes(schema.id)) {
    problems.push(`schemas does not list ${schema.id}`);
  }
  checkAttributes(schema.attributes, document, '', problems, envelope);
  return problems;
}

function checkAttributes(
  definitions: readonly AttributeDefinition[],
  values: JsonObject,
  prefix: string,
  problems: string[],
  ignored: ReadonlySet<string> = new Set(),
): void {
  for (const key of Object.keys(values)) {
    if (ignored.has(key)) continue;
    if (!definitions.some((d) => d.name === key)) problems.push(`${prefix}${key} is not in the schema`);
  }
  for (const definition of definitions) {
    const value = values[definition.name];
    const label = `${prefix}${definition.name}`;
    if (value === undefined || value === null) {
      if (definition.required) problems.push(`${label} is required`);
      continue;
    }
    if (definition.multiValued) {
      if (!Array.isArray(value)) {
        problems.push(`${label} must be an array`);
        continue;
      }
      value.forEach((item, index) => checkValue(definition, item, `${label}[${index}]`, problems));
    } else if (Array.isArray(value)) {
      problems.push(`${label} must not be an array`);
    } else {
      checkValue(definition, value, label, problems);
    }
  }
}

function checkValue(
  definition: AttributeDefinition,
  value: unknown,
  label: string,
  problems: string[],
): void {
  switch (definition.type) {
    case 'complex':
      if (!isPlainObject(value)) problems.push(`${label} must be an object`);
      else checkAttributes(definition.subAttributes ?? [], value, `${label}.`, problems);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${label} must be a boolean`);
      return;
    case 'integer':
      if (!Number.isInteger(value)) problems.push(`${label} must be an integer`);
      return;
    case 'decimal':
      if (typeof value !== 'number') problems.push(`${label} must be a number`);
      return;
    case 'dateTime':
      if (typeof value !== 'string' || !isDateTime(value)) problems.push(`${label} must be a dateTime`);
      return;
    default:
      if (typeof value !== 'string') {
        problems.push(`${label} must be a string`);
      } else if (definition.canonicalValues && !definition.canonicalValues.includes(value)) {
        problems.push(`${label} must be one of ${definition.canonicalValues.join(', ')}`);
      }
  }
}
