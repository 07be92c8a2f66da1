import { attribute, complex, type SchemaDefinition } from './attribute-definition.js';
import { ENTERPRISE_USER_SCHEMA } from './schema-urns.js';

/** RFC 7643 §4.3. */
export const enterpriseUserSchema: SchemaDefinition = Object.freeze({
  id: ENTERPRISE_USER_SCHEMA,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: Object.freeze([
    attribute('employeeNumber', 'string', { description: 'Numeric or alphanumeric identifier.' }),
    attribute('costCenter', 'string', { description: 'Identifies the name of a cost center.' }),
    attribute('organization', 'string', { description: 'Identifies the name of an organization.' }),
    attribute('division', 'string', { description: 'Identifies the name of a division.' }),
    attribute('department', 'string', { description: 'Identifies the name of a department.' }),
    complex(
      'manager',
      [
        attribute('value', 'string', {
          description: 'The id of the SCIM resource representing the manager.',
        }),
        attribute('$ref', 'reference', { referenceTypes: ['User'] }),
        attribute('displayName', 'string', { mutability: 'readOnly' }),
      ],
      { description: "The User's manager." },
    ),
  ]),
});
