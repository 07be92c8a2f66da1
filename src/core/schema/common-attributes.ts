import { attribute, complex, type AttributeDefinition } from './attribute-definition.js';

/**
 * RFC 7643 §3.1: id, externalId and meta belong to every resource but to no schema's attribute list,
 * so they live here and the registry consults them first.
 */
export const commonAttributes: readonly AttributeDefinition[] = Object.freeze([
  attribute('id', 'string', {
    description: 'Unique identifier for the resource, assigned by the service provider.',
    caseExact: true,
    mutability: 'readOnly',
    returned: 'always',
    uniqueness: 'server',
  }),
  attribute('externalId', 'string', {
    description: 'Identifier for the resource as defined by the provisioning client.',
    caseExact: true,
  }),
  complex(
    'meta',
    [
      attribute('resourceType', 'string', { caseExact: true, mutability: 'readOnly' }),
      attribute('created', 'dateTime', { mutability: 'readOnly' }),
      attribute('lastModified', 'dateTime', { mutability: 'readOnly' }),
      attribute('location', 'reference', {
        caseExact: true,
        mutability: 'readOnly',
        referenceTypes: ['uri'],
      }),
      attribute('version', 'string', { caseExact: true, mutability: 'readOnly' }),
    ],
    { description: 'Resource metadata.', mutability: 'readOnly' },
  ),
]);
