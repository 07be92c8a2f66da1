import { Type } from 'typebox';
import { Id, Name } from './common-schemas.js';

const Signers = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
  maxItems: 1000,
  description: 'JWT signer ids or names of this organization.',
});

const RequiredClaims = Type.Array(
  Type.Object(
    {
      claim: Type.String({ minLength: 1, maxLength: 200, description: 'A claim name, e.g. amr or acr.' }),
      anyOf: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), {
        minItems: 1,
        maxItems: 100,
        description: 'The claim (a string, or an array such as amr) must be or contain one of these.',
      }),
    },
    { additionalProperties: false },
  ),
  { maxItems: 50, description: 'Every rule must hold for a token to sign in under the policy.' },
);

export const AuthPolicy = Type.Object(
  {
    id: Id,
    organizationId: Id,
    name: Type.String(),
    isDefault: Type.Boolean({
      description: 'The Default policy accepts every enabled signer; it cannot be changed or deleted.',
    }),
    signerIds: Type.Array(Id),
    requiredClaims: RequiredClaims,
  },
  { additionalProperties: false, title: 'AuthPolicy' },
);

export const CreateAuthPolicy = Type.Object(
  { name: Name, signers: Type.Optional(Signers), requiredClaims: Type.Optional(RequiredClaims) },
  { additionalProperties: false },
);

export const UpdateAuthPolicy = Type.Object(
  {
    name: Type.Optional(Name),
    signers: Type.Optional(Signers),
    requiredClaims: Type.Optional(RequiredClaims),
  },
  { additionalProperties: false, minProperties: 1 },
);
