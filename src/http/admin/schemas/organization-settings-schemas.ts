import { Type } from 'typebox';
import { identityCollisionPolicies } from '../../../directory/model/organization-settings.js';

const IdentityCollisions = Type.Enum([...identityCollisionPolicies], {
  description:
    'When a SCIM user would take the name of a live identity another integration feeds: reject (409, naming that integration) or link (the identity is shared; it is disabled only when every integration feeding it has disabled or deleted it).',
});

export const OrganizationSettings = Type.Object(
  { identityCollisions: IdentityCollisions },
  { additionalProperties: false, title: 'OrganizationSettings' },
);

export const OrganizationSettingsChange = Type.Object(
  { identityCollisions: Type.Optional(IdentityCollisions) },
  { additionalProperties: false, minProperties: 1, title: 'OrganizationSettingsChange' },
);
