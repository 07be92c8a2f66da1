import { isAttributeName, isSchemaUrn } from '../path/parse-attribute-path.js';
import { isPlainObject } from '../resource/json.js';
import { err, ok, type Result } from '../result.js';
import {
  attributeJson,
  type AttributeDefinition,
  type AttributeType,
  type Mutability,
  type Returned,
  type SchemaDefinition,
  type Uniqueness,
} from './attribute-definition.js';
import type { ResourceTypeName } from './resource-types.js';

/** An organization's custom extension schema (RFC 7643 §3.3) for one resource type, as data. */
export interface ExtensionSchema {
  readonly resourceType: ResourceTypeName;
  readonly schema: SchemaDefinition;
}

/** One thing wrong with a definition; `field` is a JSON-pointer-ish path into the submitted body. */
export interface DefinitionProblem {
  readonly field: string;
  readonly message: string;
}

const TYPES: readonly AttributeType[] = [
  'string',
  'boolean',
  'decimal',
  'integer',
  'dateTime',
  'reference',
  'complex',
];
const MUTABILITY: readonly Mutability[] = ['readOnly', 'readWrite', 'immutable', 'writeOnly'];
const RETURNED: readonly Returned[] = ['always', 'never', 'default', 'request'];
const UNIQUENESS: readonly Uniqueness[] = ['none', 'server', 'global'];
const MAX_ATTRIBUTES = 100;
const MAX_CANONICAL_VALUES = 200;
const MAX_TEXT = 1000;

/**
 * URNs an organization may not define: the RFC's own schemas and messages (RFC 7643 §3, §8.7; RFC 7644
 * §3.1) and the enterprise extension (RFC 7643 §4.3), which every integration already has.
 */
export function isReservedUrn(urn: string): boolean {
  const folded = urn.toLowerCase();
  return (
    folded.startsWith('urn:ietf:params:scim:schemas:core:') ||
    folded.startsWith('urn:ietf:params:scim:api:') ||
    folded === 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:user'
  );
}

/**
 * Reads and checks a submitted extension definition: the URN (a URN a SCIM path can carry, not a
 * reserved one), the resource type, and the attributes with their RFC 7643 §2.2 characteristics
 * (defaults as §2.2 gives them). Names follow §2.1 (ATTRNAME) and are unique case-insensitively; only a
 * complex attribute has sub-attributes, and a sub-attribute is never complex (§2.3.8). Binary is
 * refused: Roster stores resources as JSON text and offers no binary comparison. Every problem at once.
 */
export function parseExtensionSchema(input: unknown): Result<ExtensionSchema, DefinitionProblem[]> {
  const problems: DefinitionProblem[] = [];
  if (!isPlainObject(input)) return err([{ field: '', message: 'a schema extension must be an object' }]);
  const urn = input.urn;
  if (typeof urn !== 'string' || !isSchemaUrn(urn) || urn.length > 300) {
    problems.push({
      field: 'urn',
      message: 'urn must be a schema URN such as urn:ietf:params:scim:schemas:extension:acme:2.0:User',
    });
  } else if (isReservedUrn(urn)) {
    problems.push({ field: 'urn', message: `urn "${urn}" is reserved by RFC 7643; choose your own` });
  }
  const resourceType = input.resourceType ?? 'User';
  if (resourceType !== 'User' && resourceType !== 'Group') {
    problems.push({ field: 'resourceType', message: 'resourceType must be "User" or "Group"' });
  }
  const name = input.name;
  if (typeof name !== 'string' || name.trim() === '' || name.length > 200) {
    problems.push({ field: 'name', message: 'name must be a non-empty text of at most 200 characters' });
  }
  const description = textOr(input.description, '', 'description', problems);
  const attributes = Array.isArray(input.attributes)
    ? parseAttributes(input.attributes, 'attributes', false, problems)
    : (problems.push({ field: 'attributes', message: 'attributes must be a list' }), []);
  for (const key of Object.keys(input)) {
    if (!['urn', 'resourceType', 'name', 'description', 'attributes'].includes(key)) {
      problems.push({ field: key, message: `unknown field "${key}"` });
    }
  }
  if (problems.length > 0) return err(problems);
  return ok(
    Object.freeze({
      resourceType: resourceType as ResourceTypeName,
      schema: Object.freeze({
        id: urn as string,
        name: (name as string).trim(),
        description,
        attributes: Object.freeze(attributes),
      }),
    }),
  );
}

function parseAttributes(
  list: readonly unknown[],
  field: string,
  nested: boolean,
  problems: DefinitionProblem[],
): AttributeDefinition[] {
  if (list.length === 0 || list.length > MAX_ATTRIBUTES) {
    problems.push({ field, message: `${field} must list 1 to ${MAX_ATTRIBUTES} attributes` });
  }
  const seen = new Set<string>();
  const out: AttributeDefinition[] = [];
  list.slice(0, MAX_ATTRIBUTES).forEach((raw, index) => {
    const at = `${field}[${index}]`;
    const parsed = parseAttribute(raw, at, nested, problems);
    if (!parsed) return;
    const folded = parsed.name.toLowerCase();
    if (seen.has(folded)) {
      problems.push({
        field: `${at}.name`,
        message: `"${parsed.name}" is defined twice (names are case-insensitive)`,
      });
    }
    seen.add(folded);
    out.push(parsed);
  });
  return out;
}

function parseAttribute(
  raw: unknown,
  at: string,
  nested: boolean,
  problems: DefinitionProblem[],
): AttributeDefinition | undefined {
  if (!isPlainObject(raw)) {
    problems.push({ field: at, message: 'an attribute must be an object' });
    return undefined;
  }
  const before = problems.length;
  const name = raw.name;
  if (typeof name !== 'string' || !isAttributeName(name) || name === '$ref' || name.length > 100) {
    problems.push({
      field: `${at}.name`,
      message: 'name must be a letter, then letters, digits, "-" or "_" (RFC 7643 §2.1)',
    });
  }
  const type = raw.type;
  if (type === 'binary') {
    problems.push({
      field: `${at}.type`,
      message: 'type "binary" is not supported; store base64 in a string',
    });
  } else if (!TYPES.includes(type as AttributeType)) {
    problems.push({ field: `${at}.type`, message: `type must be one of ${TYPES.join(', ')}` });
  }
  const flag = (key: string, fallback: boolean): boolean => {
    const value = raw[key];
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    problems.push({ field: `${at}.${key}`, message: `${key} must be true or false` });
    return fallback;
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const value = raw[key];
    if (value === undefined) return fallback;
    if (allowed.includes(value as T)) return value as T;
    problems.push({ field: `${at}.${key}`, message: `${key} must be one of ${allowed.join(', ')}` });
    return fallback;
  };
  const multiValued = flag('multiValued', false);
  const required = flag('required', false);
  const caseExact = flag('caseExact', false);
  const mutability = oneOf('mutability', MUTABILITY, 'readWrite');
  const returned = oneOf('returned', RETURNED, 'default');
  const uniqueness = oneOf('uniqueness', UNIQUENESS, 'none');
  const description = textOr(raw.description, '', `${at}.description`, problems);
  const canonicalValues = textList(
    raw.canonicalValues,
    `${at}.canonicalValues`,
    MAX_CANONICAL_VALUES,
    problems,
  );
  const referenceTypes = textList(raw.referenceTypes, `${at}.referenceTypes`, 20, problems);
  if (canonicalValues && type !== 'string' && type !== 'reference') {
    problems.push({ field: `${at}.canonicalValues`, message: 'canonicalValues apply to string attributes' });
  }
  if (type === 'reference' && (!referenceTypes || referenceTypes.length === 0)) {
    problems.push({
      field: `${at}.referenceTypes`,
      message: 'a reference attribute lists its referenceTypes (e.g. "external", "uri", "User")',
    });
  }
  if (referenceTypes && type !== 'reference') {
    problems.push({ field: `${at}.referenceTypes`, message: 'referenceTypes apply to reference attributes' });
  }
  if (uniqueness !== 'none' && (type === 'complex' || type === 'boolean' || multiValued)) {
    problems.push({
      field: `${at}.uniqueness`,
      message: 'uniqueness applies to single-valued simple attributes other than booleans',
    });
  }
  if (uniqueness !== 'none' && nested) {
    problems.push({ field: `${at}.uniqueness`, message: 'uniqueness applies to top-level attributes' });
  }
  if (uniqueness === 'global') {
    problems.push({
      field: `${at}.uniqueness`,
      message: 'uniqueness "global" is not offered: Roster checks uniqueness per integration ("server")',
    });
  }
  let subAttributes: AttributeDefinition[] | undefined;
  if (type === 'complex') {
    if (nested) {
      problems.push({ field: `${at}.type`, message: 'a sub-attribute cannot be complex (RFC 7643 §2.3.8)' });
    } else if (!Array.isArray(raw.subAttributes)) {
      problems.push({ field: `${at}.subAttributes`, message: 'a complex attribute lists its subAttributes' });
    } else {
      subAttributes = parseAttributes(raw.subAttributes, `${at}.subAttributes`, true, problems);
    }
  } else if (raw.subAttributes !== undefined) {
    problems.push({ field: `${at}.subAttributes`, message: 'only a complex attribute has subAttributes' });
  }
  const known = [
    'name',
    'type',
    'multiValued',
    'required',
    'caseExact',
    'mutability',
    'returned',
    'uniqueness',
    'description',
    'canonicalValues',
    'referenceTypes',
    'subAttributes',
  ];
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) problems.push({ field: `${at}.${key}`, message: `unknown field "${key}"` });
  }
  if (problems.length > before) return undefined;
  return Object.freeze({
    name: name as string,
    type: type as AttributeType,
    multiValued,
    description,
    required,
    caseExact,
    mutability,
    returned,
    uniqueness,
    ...(canonicalValues ? { canonicalValues: Object.freeze(canonicalValues) } : {}),
    ...(referenceTypes ? { referenceTypes: Object.freeze(referenceTypes) } : {}),
    ...(subAttributes ? { subAttributes: Object.freeze(subAttributes) } : {}),
  });
}

function textOr(value: unknown, fallback: string, field: string, problems: DefinitionProblem[]): string {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && value.length <= MAX_TEXT) return value;
  problems.push({ field, message: `${field} must be a text of at most ${MAX_TEXT} characters` });
  return fallback;
}

function textList(
  value: unknown,
  field: string,
  max: number,
  problems: DefinitionProblem[],
): string[] | undefined {
  if (value === undefined) return undefined;
  if (
    Array.isArray(value) &&
    value.length <= max &&
    value.every((v) => typeof v === 'string' && v !== '' && v.length <= 200)
  ) {
    return [...new Set(value as string[])];
  }
  problems.push({ field, message: `${field} must be a list of at most ${max} non-empty texts` });
  return undefined;
}

/** The definition as the admin API shows it and the store keeps it (the inverse of the parser). */
export function extensionSchemaJson(extension: ExtensionSchema): Record<string, unknown> {
  return {
    urn: extension.schema.id,
    resourceType: extension.resourceType,
    name: extension.schema.name,
    description: extension.schema.description,
    attributes: extension.schema.attributes.map(attributeJson),
  };
}
