import { Type } from 'typebox';
import { Id, Name } from './common-schemas.js';

export const JwtSigner = Type.Object(
  {
    id: Id,
    organizationId: Id,
    name: Type.String(),
    issuer: Type.String(),
    audience: Type.String(),
    jwksUrl: Type.Union([Type.String(), Type.Null()]),
    publicKeyPem: Type.Union([Type.String(), Type.Null()]),
    externalIdClaim: Type.String(),
    enabled: Type.Boolean(),
    algorithms: Type.Union([Type.Array(Type.String()), Type.Null()], {
      description: 'The JWS algorithms its tokens may use; null: the asymmetric family of its key.',
    }),
  },
  { additionalProperties: false, title: 'JwtSigner' },
);

const signerFields = {
  issuer: Type.String({ minLength: 1, maxLength: 2000, description: 'The JWT "iss" claim.' }),
  audience: Type.String({ minLength: 1, maxLength: 2000, description: 'The JWT "aud" claim.' }),
  jwksUrl: Type.String({ minLength: 1, maxLength: 2000, description: 'https (http only for localhost).' }),
  publicKeyPem: Type.String({
    minLength: 1,
    maxLength: 20_000,
    description: 'An RSA, EC or Ed25519 public key.',
  }),
  externalIdClaim: Type.String({
    minLength: 1,
    maxLength: 200,
    description: "The claim matched against an identity's sign-in external ID (default sub).",
  }),
  enabled: Type.Boolean(),
  algorithms: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), {
    minItems: 1,
    maxItems: 20,
    description:
      'Asymmetric JWS algorithms only (RS*, PS*, ES*, EdDSA, Ed25519); never none or HS*. Default: the family of the key.',
  }),
};

export const CreateJwtSigner = Type.Object(
  {
    name: Name,
    issuer: signerFields.issuer,
    audience: signerFields.audience,
    jwksUrl: Type.Optional(signerFields.jwksUrl),
    publicKeyPem: Type.Optional(signerFields.publicKeyPem),
    externalIdClaim: Type.Optional(signerFields.externalIdClaim),
    enabled: Type.Optional(signerFields.enabled),
    algorithms: Type.Optional(signerFields.algorithms),
  },
  { additionalProperties: false, description: 'Give exactly one of jwksUrl and publicKeyPem.' },
);

export const UpdateJwtSigner = Type.Object(
  {
    name: Type.Optional(Name),
    issuer: Type.Optional(signerFields.issuer),
    audience: Type.Optional(signerFields.audience),
    jwksUrl: Type.Optional(signerFields.jwksUrl),
    publicKeyPem: Type.Optional(signerFields.publicKeyPem),
    externalIdClaim: Type.Optional(signerFields.externalIdClaim),
    enabled: Type.Optional(signerFields.enabled),
    algorithms: Type.Optional(
      Type.Union([signerFields.algorithms, Type.Null()], { description: 'null: back to the default.' }),
    ),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'Only the fields given change; a new jwksUrl or publicKeyPem replaces the other.',
  },
);
