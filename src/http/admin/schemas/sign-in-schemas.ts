import { Type } from 'typebox';
import { signInRefusalCodes } from '../../../directory/sign-in/sign-in-refusal.js';
import { signInSteps } from '../../../directory/sign-in/sign-in-steps.js';
import { MAX_TOKEN_LENGTH } from '../../../directory/sign-in/read-token.js';
import { MAX_SESSION_SECONDS } from '../../../directory/sign-in/sign-in-sessions.js';
import { Id, NullableTimestamp, Timestamp } from './common-schemas.js';
import { IdentityProfile, IdentityStatus } from './identity-schemas.js';

const Token = Type.String({
  minLength: 1,
  maxLength: MAX_TOKEN_LENGTH,
  description: 'The JWT (an ID token or access token from the IdP), compact serialization.',
});

export const VerifyRequest = Type.Object({ token: Token }, { additionalProperties: false });

export const Refusal = Type.Object(
  {
    ok: Type.Literal(false),
    code: Type.Enum([...signInRefusalCodes], { description: 'Stable; docs/sign-in.md lists every code.' }),
    message: Type.String(),
    rule: Type.Optional(
      Type.String({ description: 'For policy_refused: the rule (`signers` or `requiredClaims.<n>`).' }),
    ),
  },
  { additionalProperties: false, title: 'SignInRefusal' },
);

export const SignedInIdentity = Type.Object(
  {
    id: Id,
    organizationId: Id,
    name: Type.String(),
    status: IdentityStatus,
    signInExternalId: Type.Union([Type.String(), Type.Null()]),
    attributes: Type.Array(Type.String()),
    profile: IdentityProfile,
    groups: Type.Array(Type.Object({ id: Id, name: Type.String() }, { additionalProperties: false })),
    roles: Type.Array(
      Type.Object(
        { id: Id, name: Type.String(), permissions: Type.Array(Type.String()) },
        { additionalProperties: false },
      ),
    ),
    permissions: Type.Array(Type.String(), { description: 'Every permission of its roles, once each.' }),
  },
  { additionalProperties: false, title: 'SignedInIdentity' },
);

const SignerRef = Type.Object({ id: Id, name: Type.String() }, { additionalProperties: false });

export const SignedIn = Type.Object(
  {
    ok: Type.Literal(true),
    identity: SignedInIdentity,
    signer: SignerRef,
    expiresAt: Type.String({ format: 'date-time', description: 'The token’s exp.' }),
  },
  { additionalProperties: false, title: 'SignedIn' },
);

export const VerifyResponse = Type.Union([SignedIn, Refusal], {
  description: 'The decision: `ok: true` with the identity, or `ok: false` with a stable code.',
});

export const StartSession = Type.Object(
  {
    token: Token,
    expiresInSeconds: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_SESSION_SECONDS,
        description: 'Session lifetime; default: until the token expires.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const Session = Type.Object(
  {
    id: Id,
    organizationId: Id,
    identityId: Id,
    signerId: Id,
    createdAt: Timestamp,
    expiresAt: Timestamp,
    revokedAt: NullableTimestamp,
    valid: Type.Boolean({ description: 'Decided now, from the identity’s current status.' }),
    status: Type.Enum(['active', 'revoked', 'expired']),
    reason: Type.Union(
      [Type.Enum(['revoked', 'expired', 'identity_disabled', 'identity_deleted']), Type.Null()],
      {
        description: 'Why it is no longer valid; null while it is.',
      },
    ),
  },
  { additionalProperties: false, title: 'SignInSession' },
);

export const SessionStarted = Type.Object(
  { ok: Type.Literal(true), session: Session, identity: SignedInIdentity, signer: SignerRef },
  { additionalProperties: false },
);

export const SessionStartRefused = { ...Refusal, description: 'The token signs no one in; no session.' };

export const SignerTestResult = Type.Object(
  {
    signerId: Id,
    wouldSignIn: Type.Boolean(),
    identityId: Type.Union([Id, Type.Null()]),
    refusal: Type.Union([
      Type.Object(
        {
          code: Type.Enum([...signInRefusalCodes]),
          message: Type.String(),
          rule: Type.Optional(Type.String()),
        },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
    steps: Type.Array(
      Type.Object(
        {
          step: Type.Enum([...signInSteps]),
          result: Type.Enum(['passed', 'failed', 'not_checked']),
          detail: Type.String(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, title: 'SignerTestResult' },
);

export const IntegrationOAuth = Type.Object(
  {
    issuer: Type.String({ minLength: 1, maxLength: 2000, description: 'The access tokens’ "iss".' }),
    audience: Type.String({ minLength: 1, maxLength: 2000, description: 'The "aud" they must carry.' }),
    jwksUrl: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'Where the issuer publishes its keys (https; http only for localhost).',
    }),
  },
  { additionalProperties: false, title: 'IntegrationOAuth' },
);

export const IntegrationOAuthView = Type.Object(
  {
    oauth: Type.Union([IntegrationOAuth, Type.Null()], {
      description: 'null: only the static bearer token is accepted.',
    }),
  },
  { additionalProperties: false },
);
