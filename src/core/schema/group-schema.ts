import { attribute, complex, type SchemaDefinition } from './attribute-definition.js';
import { GROUP_SCHEMA } from './schema-urns.js';

/** RFC 7643 §4.2 and §8.7.1. Roster adds a read-only `display` on members, as most providers expect. */
export const groupSchema: SchemaDefinition = Object.freeze({
  id: GROUP_SCHEMA,
  name: 'Group',
  description: 'Group',
  attributes: Object.freeze([
    attribute('displayName', 'string', {
      description: 'A human-readable name for the Group. Unique within an integration.',
      required: true,
      uniqueness: 'server',
    }),
    complex(
      'members',
      [
        attribute('value', 'string', { mutability: 'immutable', caseExact: true, description: 'Member id.' }),
        attribute('$ref', 'reference', { mutability: 'immutable', referenceTypes: ['User', 'Group'] }),
        attribute('type', 'string', { mutability: 'immutable', canonicalValues: ['User', 'Group'] }),
        attribute('display', 'string', { mutability: 'readOnly', description: "The member's display name." }),
      ],
      { multiValued: true, description: 'A list of members of the Group.' },
    ),
  ]),
});
