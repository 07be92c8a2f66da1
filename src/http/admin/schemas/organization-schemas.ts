import { Type, type Static } from 'typebox';
import { Id, Name, Timestamp } from './common-schemas.js';

export const Organization = Type.Object(
  { id: Id, name: Type.String(), createdAt: Timestamp },
  { additionalProperties: false, title: 'Organization' },
);
export type OrganizationBody = Static<typeof Organization>;

export const CreateOrganization = Type.Object({ name: Name }, { additionalProperties: false });
