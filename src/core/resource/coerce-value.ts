import type { AttributeDefinition } from '../schema/attribute-definition.js';
import { InvalidValueError } from '../errors.js';

/** RFC 3339 / xsd:dateTime with a zone, as RFC 7643 §2.3.5 requires. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

export function isDateTime(text: string): boolean {
  return DATE_TIME.test(text) && !Number.isNaN(Date.parse(text));
}

/**
 * Checks and converts one primitive value to the attribute's type. `label` names the attribute as the
 * client wrote it, so the error points at their input.
 */
export function coercePrimitive(definition: AttributeDefinition, value: unknown, label: string): unknown {
  switch (definition.type) {
    case 'string':
    case 'reference':
      if (typeof value === 'string') return value;
      // Some providers send numeric identifiers (employeeNumber) as JSON numbers.
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      break;
    case 'binary':
      if (typeof value === 'string' && /^[A-Za-z0-9+/=\r\n_-]*$/.test(value)) return value;
      break;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      // Entra ID sends booleans as the strings "True"/"False" unless the aadOptscim062020 flag is set.
      if (typeof value === 'string') {
        const lowered = value.toLowerCase();
        if (lowered === 'true') return true;
        if (lowered === 'false') return false;
      }
      break;
    case 'integer':
      if (typeof value === 'number' && Number.isInteger(value)) return value;
      if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
      break;
    case 'decimal':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        return Number(value);
      break;
    case 'dateTime':
      if (typeof value === 'string' && isDateTime(value)) return new Date(value).toISOString();
      break;
    case 'complex':
      break;
  }
  throw new InvalidValueError(
    `Attribute "${label}" must be of type ${definition.type}; got ${describe(value)}.`,
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  return `a ${typeof value}`;
}
