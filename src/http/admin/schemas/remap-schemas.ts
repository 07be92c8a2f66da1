import { Type } from 'typebox';
import { Id, Timestamp } from './common-schemas.js';

export const RemapJob = Type.Object(
  {
    id: Id,
    organizationId: Id,
    integrationId: Id,
    status: Type.Enum(['pending', 'running', 'done', 'failed']),
    total: Type.Integer({ description: 'Identities to remap, counted when the job was queued.' }),
    processed: Type.Integer(),
    changed: Type.Integer(),
    collisions: Type.Integer({ description: 'Identities left unchanged because their new name was taken.' }),
    error: Type.Union([Type.String(), Type.Null()]),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { additionalProperties: false, title: 'RemapJob' },
);

const NameAndAttributes = Type.Object(
  {
    name: Type.String(),
    signInExternalId: Type.Union([Type.String(), Type.Null()]),
    attributes: Type.Array(Type.String()),
  },
  { additionalProperties: false },
);

const changedFields = ['name', 'signInExternalId', 'attributes', 'authPolicy', 'status', 'profile', 'groups'];

export const RemapPreview = Type.Object(
  {
    total: Type.Integer(),
    changed: Type.Integer(),
    byField: Type.Object(Object.fromEntries(changedFields.map((field) => [field, Type.Integer()])), {
      additionalProperties: false,
    }),
    collisions: Type.Array(
      Type.Object({ identityId: Id, name: Type.String() }, { additionalProperties: false }),
    ),
    sample: Type.Array(
      Type.Object(
        {
          identityId: Id,
          scimResourceId: Id,
          fields: Type.Array(Type.Enum(changedFields)),
          before: NameAndAttributes,
          after: NameAndAttributes,
        },
        { additionalProperties: false },
      ),
      { description: 'Up to 20 of the identities that would change.' },
    ),
  },
  { additionalProperties: false, title: 'RemapPreview' },
);
