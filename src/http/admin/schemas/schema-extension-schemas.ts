import { Type, type TSchema } from 'typebox';
import { Id } from './common-schemas.js';

const characteristics = {
  name: Type.String({ minLength: 1, maxLength: 100, description: 'RFC 7643 §2.1 ATTRNAME.' }),
  type: Type.Enum(['string', 'boolean', 'decimal', 'integer', 'dateTime', 'reference', 'complex', 'binary'], {
    description: 'binary is refused (invalid_schema_extension); complex needs subAttributes.',
  }),
  multiValued: Type.Optional(Type.Boolean()),
  description: Type.Optional(Type.String({ maxLength: 1000 })),
  required: Type.Optional(Type.Boolean()),
  caseExact: Type.Optional(Type.Boolean()),
  mutability: Type.Optional(Type.Enum(['readOnly', 'readWrite', 'immutable', 'writeOnly'])),
  returned: Type.Optional(Type.Enum(['always', 'never', 'default', 'request'])),
  uniqueness: Type.Optional(Type.Enum(['none', 'server', 'global'], { description: 'global is refused.' })),
  canonicalValues: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 200 }),
  ),
  referenceTypes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20 })),
};

// A sub-attribute may not have sub-attributes (RFC 7643 §2.3.8); the field is accepted here so the
// definition check can say so in its own words (invalid_schema_extension).
const SubAttribute = Type.Object(
  { ...characteristics, subAttributes: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 100 })) },
  { additionalProperties: false },
);
const AttributeInput = Type.Object(
  { ...characteristics, subAttributes: Type.Optional(Type.Array(SubAttribute, { maxItems: 100 })) },
  { additionalProperties: false },
);

function definitionFields(attribute: TSchema) {
  return {
    urn: Type.String({
      minLength: 1,
      maxLength: 300,
      description: 'e.g. urn:ietf:params:scim:schemas:extension:acme:2.0:User (not an RFC 7643 core URN).',
    }),
    resourceType: Type.Optional(Type.Enum(['User', 'Group'], { description: 'Default User.' })),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 1000 })),
    attributes: Type.Array(attribute, { minItems: 1, maxItems: 100 }),
  };
}

export const SchemaExtensionDefinition = Type.Object(definitionFields(AttributeInput), {
  additionalProperties: false,
  title: 'SchemaExtensionDefinition',
});

const StoredAttribute = Type.Object(
  {
    ...characteristics,
    multiValued: Type.Boolean(),
    description: Type.String(),
    required: Type.Boolean(),
    caseExact: Type.Boolean(),
    mutability: Type.String(),
    returned: Type.String(),
    uniqueness: Type.String(),
    subAttributes: Type.Optional(Type.Array(Type.Object(characteristics))),
  },
  { additionalProperties: false },
);

export const SchemaExtension = Type.Object(
  {
    id: Id,
    organizationId: Id,
    version: Type.Integer({ minimum: 1, description: 'Every replacement adds one.' }),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    ...definitionFields(StoredAttribute),
    resourceType: Type.Enum(['User', 'Group']),
    description: Type.String(),
  },
  { additionalProperties: false, title: 'SchemaExtension' },
);

export const SchemaExtensionParams = {
  extension: Type.String({ minLength: 1, maxLength: 300, description: 'The id or the URN.' }),
};
