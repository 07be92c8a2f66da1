import { Type } from 'typebox';
import { Id, Name } from './common-schemas.js';

const Signers = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
  maxItems: 1000,
  description: 'JWT signer ids or names of this organization.',
});

export const AuthPolicy = Type.Object(
  {
    id: Id,
    organizationId: Id,
    name: Type.String(),
    isDefault: Type.Boolean({
      description: 'The Default policy accepts every enabled signer; it cannot be changed or deleted.',
    }),
    signerIds: Type.Array(Id),
  },
  { additionalProperties: false, title: 'AuthPolicy' },
);

export const CreateAuthPolicy = Type.Object(
  { name: Name, signers: Type.Optional(Signers) },
  { additionalProperties: false },
);

export const UpdateAuthPolicy = Type.Object(
  { name: Type.Optional(Name), signers: Type.Optional(Signers) },
  { additionalProperties: false, minProperties: 1 },
);
