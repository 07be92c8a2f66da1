import {
  attribute,
  complex,
  type AttributeDefinition,
  type SchemaDefinition,
} from './attribute-definition.js';
import { RESOURCE_TYPE_SCHEMA, SCHEMA_SCHEMA, SERVICE_PROVIDER_CONFIG_SCHEMA } from './schema-urns.js';

const readOnly = { mutability: 'readOnly' } as const;

function supportFlag(name: string, extra: readonly AttributeDefinition[] = []): AttributeDefinition {
  return complex(name, [attribute('supported', 'boolean', { required: true, ...readOnly }), ...extra], {
    required: true,
    ...readOnly,
  });
}

/** RFC 7643 §5, with the RFC 9865 §4 `pagination` block and the RFC 9967 §4 `securityEvents` block. */
export const serviceProviderConfigSchema: SchemaDefinition = Object.freeze({
  id: SERVICE_PROVIDER_CONFIG_SCHEMA,
  name: 'Service Provider Configuration',
  description: "Schema for representing the service provider's configuration",
  attributes: Object.freeze([
    attribute('documentationUri', 'reference', { referenceTypes: ['external'], ...readOnly }),
    supportFlag('patch'),
    supportFlag('bulk', [
      attribute('maxOperations', 'integer', { required: true, ...readOnly }),
      attribute('maxPayloadSize', 'integer', { required: true, ...readOnly }),
    ]),
    supportFlag('filter', [attribute('maxResults', 'integer', { required: true, ...readOnly })]),
    supportFlag('changePassword'),
    supportFlag('sort'),
    supportFlag('etag'),
    complex(
      'pagination',
      [
        attribute('cursor', 'boolean', readOnly),
        attribute('index', 'boolean', readOnly),
        attribute('defaultPaginationMethod', 'string', { canonicalValues: ['cursor', 'index'], ...readOnly }),
        attribute('defaultPageSize', 'integer', readOnly),
        attribute('maxPageSize', 'integer', readOnly),
        attribute('cursorTimeout', 'integer', readOnly),
      ],
      readOnly,
    ),
    complex(
      'authenticationSchemes',
      [
        attribute('type', 'string', { required: true, ...readOnly }),
        attribute('name', 'string', { required: true, ...readOnly }),
        attribute('description', 'string', { required: true, ...readOnly }),
        attribute('specUri', 'reference', { referenceTypes: ['external'], ...readOnly }),
        attribute('documentationUri', 'reference', { referenceTypes: ['external'], ...readOnly }),
        attribute('primary', 'boolean', readOnly),
      ],
      { multiValued: true, required: true, ...readOnly },
    ),
    // RFC 9967 §4: present only while the service sends Security Event Tokens.
    complex(
      'securityEvents',
      [
        attribute('asyncRequest', 'string', {
          canonicalValues: ['none', 'long', 'request'],
          ...readOnly,
        }),
        attribute('eventUris', 'reference', { referenceTypes: ['uri'], multiValued: true, ...readOnly }),
      ],
      readOnly,
    ),
  ]),
});

/** RFC 7643 §6. */
export const resourceTypeSchema: SchemaDefinition = Object.freeze({
  id: RESOURCE_TYPE_SCHEMA,
  name: 'ResourceType',
  description: 'Specifies the schema that describes a SCIM resource type',
  attributes: Object.freeze([
    attribute('id', 'string', readOnly),
    attribute('name', 'string', { required: true, ...readOnly }),
    attribute('description', 'string', readOnly),
    attribute('endpoint', 'reference', { required: true, referenceTypes: ['uri'], ...readOnly }),
    attribute('schema', 'reference', {
      required: true,
      caseExact: true,
      referenceTypes: ['uri'],
      ...readOnly,
    }),
    complex(
      'schemaExtensions',
      [
        attribute('schema', 'reference', {
          required: true,
          caseExact: true,
          referenceTypes: ['uri'],
          ...readOnly,
        }),
        attribute('required', 'boolean', { required: true, ...readOnly }),
      ],
      { multiValued: true, ...readOnly },
    ),
  ]),
});

const attributeCharacteristics: readonly AttributeDefinition[] = [
  attribute('name', 'string', { required: true, caseExact: true, ...readOnly }),
  attribute('type', 'string', {
    required: true,
    canonicalValues: [
      'string',
      'complex',
      'boolean',
      'decimal',
      'integer',
      'dateTime',
      'reference',
      'binary',
    ],
    ...readOnly,
  }),
  attribute('multiValued', 'boolean', { required: true, ...readOnly }),
  attribute('description', 'string', readOnly),
  attribute('required', 'boolean', { required: true, ...readOnly }),
  attribute('canonicalValues', 'string', { multiValued: true, caseExact: true, ...readOnly }),
  attribute('caseExact', 'boolean', readOnly),
  attribute('mutability', 'string', {
    canonicalValues: ['readOnly', 'readWrite', 'immutable', 'writeOnly'],
    ...readOnly,
  }),
  attribute('returned', 'string', {
    canonicalValues: ['always', 'never', 'default', 'request'],
    ...readOnly,
  }),
  attribute('uniqueness', 'string', { canonicalValues: ['none', 'server', 'global'], ...readOnly }),
  attribute('referenceTypes', 'string', { multiValued: true, caseExact: true, ...readOnly }),
];

/** RFC 7643 §7. */
export const schemaSchema: SchemaDefinition = Object.freeze({
  id: SCHEMA_SCHEMA,
  name: 'Schema',
  description: 'Specifies the schema attribute',
  attributes: Object.freeze([
    attribute('id', 'reference', { required: true, caseExact: true, referenceTypes: ['uri'], ...readOnly }),
    attribute('name', 'string', readOnly),
    attribute('description', 'string', readOnly),
    complex(
      'attributes',
      [
        ...attributeCharacteristics,
        // Sub-attributes are complex only in this meta-schema's description of itself, one level down.
        complex(
          'subAttributes',
          [
            ...attributeCharacteristics,
            complex('subAttributes', attributeCharacteristics, { multiValued: true, ...readOnly }),
          ],
          { multiValued: true, ...readOnly },
        ),
      ],
      { multiValued: true, required: true, ...readOnly },
    ),
  ]),
});

export const discoverySchemas: readonly SchemaDefinition[] = Object.freeze([
  serviceProviderConfigSchema,
  resourceTypeSchema,
  schemaSchema,
]);
