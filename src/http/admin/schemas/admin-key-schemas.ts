import { Type } from 'typebox';
import { Id, Name, NullableTimestamp, Timestamp } from './common-schemas.js';

const adminKeyFields = {
  id: Id,
  name: Type.String(),
  organizationId: Type.Union([Id, Type.Null()], {
    description: 'The organization the key is limited to; null for an installation-wide key.',
  }),
  hint: Type.String({ description: 'The first characters of the key, to recognise it; not usable.' }),
  createdAt: Timestamp,
  lastUsedAt: NullableTimestamp,
  revokedAt: NullableTimestamp,
};

export const AdminKey = Type.Object(adminKeyFields, { additionalProperties: false, title: 'AdminKey' });

export const IssuedAdminKey = Type.Object(
  {
    ...adminKeyFields,
    secret: Type.String({ description: 'The key itself. Shown only in this response; Roster keeps a hash.' }),
  },
  { additionalProperties: false, title: 'IssuedAdminKey' },
);

export const CreateAdminKey = Type.Object(
  {
    name: Name,
    organizationId: Type.Optional(
      Type.Union([Id, Type.Null()], {
        description: 'Limit the key to this organization; omit or null for an installation-wide key.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const AdminKeyQuery = Type.Object(
  { organizationId: Type.Optional(Id) },
  { additionalProperties: false },
);
