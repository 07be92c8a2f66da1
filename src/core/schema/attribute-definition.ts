/** RFC 7643 §2.2 and §7: the characteristics every attribute carries. */
export type AttributeType =
  'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'binary' | 'reference' | 'complex';

export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
export type Returned = 'always' | 'never' | 'default' | 'request';
export type Uniqueness = 'none' | 'server' | 'global';

export interface AttributeDefinition {
  readonly name: string;
  readonly type: AttributeType;
  readonly multiValued: boolean;
  readonly description: string;
  readonly required: boolean;
  readonly caseExact: boolean;
  readonly mutability: Mutability;
  readonly returned: Returned;
  readonly uniqueness: Uniqueness;
  readonly canonicalValues?: readonly string[];
  readonly referenceTypes?: readonly string[];
  readonly subAttributes?: readonly AttributeDefinition[];
}

export interface SchemaDefinition {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly attributes: readonly AttributeDefinition[];
}

type AttributeOptions = Partial<Omit<AttributeDefinition, 'name' | 'type'>>;

/** Builds a definition with the RFC 7643 §2.2 defaults, so schema files list only what differs. */
export function attribute(
  name: string,
  type: AttributeType,
  options: AttributeOptions = {},
): AttributeDefinition {
  return Object.freeze({
    name,
    type,
    multiValued: false,
    description: '',
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...options,
  });
}

export function complex(
  name: string,
  subAttributes: readonly AttributeDefinition[],
  options: AttributeOptions = {},
): AttributeDefinition {
  return attribute(name, 'complex', { ...options, subAttributes: Object.freeze([...subAttributes]) });
}

/** The value/display/type/primary shape RFC 7643 §2.4 gives most multi-valued attributes. */
export function multiValuedComplex(
  name: string,
  description: string,
  options: {
    canonicalTypes?: readonly string[];
    valueType?: AttributeType;
    referenceTypes?: readonly string[];
  } = {},
): AttributeDefinition {
  const valueOptions: AttributeOptions = options.referenceTypes
    ? { referenceTypes: options.referenceTypes }
    : {};
  return complex(
    name,
    [
      attribute('value', options.valueType ?? 'string', valueOptions),
      attribute('display', 'string'),
      attribute('type', 'string', options.canonicalTypes ? { canonicalValues: options.canonicalTypes } : {}),
      attribute('primary', 'boolean'),
    ],
    { multiValued: true, description },
  );
}

export function findSubAttribute(parent: AttributeDefinition, name: string): AttributeDefinition | undefined {
  const wanted = name.toLowerCase();
  return parent.subAttributes?.find((sub) => sub.name.toLowerCase() === wanted);
}

/**
 * An attribute's characteristics as JSON, in RFC 7643 §7's shape: what /Schemas serves and what a
 * stored custom extension definition keeps (the one writer of both).
 */
export function attributeJson(definition: AttributeDefinition): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: definition.name,
    type: definition.type,
    multiValued: definition.multiValued,
    description: definition.description,
    required: definition.required,
    caseExact: definition.caseExact,
    mutability: definition.mutability,
    returned: definition.returned,
    uniqueness: definition.uniqueness,
  };
  if (definition.canonicalValues) out.canonicalValues = [...definition.canonicalValues];
  if (definition.referenceTypes) out.referenceTypes = [...definition.referenceTypes];
  if (definition.subAttributes) out.subAttributes = definition.subAttributes.map(attributeJson);
  return out;
}
