import { Type, type Static } from 'typebox';
import { Id, Name, Timestamp } from './common-schemas.js';

export const Organization = Type.Object(
  { id: Id, name: Type.String(), createdAt: Timestamp },
  { additionalProperties: false, title: 'Organization' },
);
export type OrganizationBody = Static<typeof Organization>;

export const CreateOrganization = Type.Object({ name: Name }, { additionalProperties: false });

export const DeleteOrganizationQuery = Type.Object(
  {
    force: Type.Optional(
      Type.Boolean({
        default: false,
        description:
          'Delete it even though it still has integrations (their tokens stop working; their SCIM data goes).',
      }),
    ),
  },
  { additionalProperties: false },
);

export const DeletedOrganization = Type.Object(
  {
    id: Id,
    name: Type.String(),
    deleted: Type.Object(
      {
        integrations: Type.Integer(),
        identities: Type.Integer({ description: 'Every identity of the organization, managed or not.' }),
        adminKeys: Type.Integer({ description: "The organization's admin keys; they stop working at once." }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false, title: 'DeletedOrganization' },
);
