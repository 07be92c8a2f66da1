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
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'Only the fields given change; a new jwksUrl or publicKeyPem replaces the other.',
  },
);
