import { Type } from 'typebox';
import { Id, Name } from './common-schemas.js';

const Permissions = Type.Array(Type.String({ minLength: 1, maxLength: 200, pattern: '^\\S+$' }), {
  maxItems: 1000,
  description: 'Opaque words to Roster (billing:read, admin); kept in order, once each.',
});

export const Role = Type.Object(
  { id: Id, organizationId: Id, name: Type.String(), permissions: Type.Array(Type.String()) },
  { additionalProperties: false, title: 'Role' },
);

export const CreateRole = Type.Object(
  { name: Name, permissions: Type.Optional(Permissions) },
  { additionalProperties: false },
);

export const UpdateRole = Type.Object(
  { name: Type.Optional(Name), permissions: Type.Optional(Permissions) },
  { additionalProperties: false, minProperties: 1 },
);
