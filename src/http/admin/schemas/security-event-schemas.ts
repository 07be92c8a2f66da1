import { Type } from 'typebox';
import { NullableTimestamp, Id, Timestamp } from './common-schemas.js';
import { Description, EventTypes, Url } from './webhook-schemas.js';

const Audience = Type.String({ minLength: 1, maxLength: 2000, description: 'The SETs’ `aud` claim.' });
const Payload = Type.Enum(['full', 'notice'], {
  description: 'RFC 9967 §2.4: full puts the new state in `data`; notice lists the changed `attributes`.',
});
const Authorization = Type.Union([Type.String({ minLength: 1, maxLength: 4096 }), Type.Null()], {
  description:
    'The Authorization header value the receiver wants on each POST (e.g. "Bearer …"); stored encrypted and never returned.',
});

export const SetReceiver = Type.Object(
  {
    id: Id,
    organizationId: Id,
    url: Type.String(),
    audience: Type.String(),
    payload: Payload,
    description: Type.Union([Type.String(), Type.Null()]),
    eventTypes: Type.Union([EventTypes, Type.Null()], {
      description: 'null: every type that has an RFC 9967 counterpart.',
    }),
    enabled: Type.Boolean(),
    status: Type.Enum(['active', 'failing'], {
      description: 'failing: retries gave up (dead-letter); redeliver to resume.',
    }),
    failingReason: Type.Union([Type.String(), Type.Null()]),
    cursor: Type.String({ description: 'The events-feed cursor of the last event sent (or skipped).' }),
    attempts: Type.Integer({ description: 'Failed attempts at the next SET.' }),
    nextAttemptAt: NullableTimestamp,
    lastError: Type.Union([Type.String(), Type.Null()]),
    issuer: Type.String({ description: 'The SETs’ `iss`; its JWKS is this URL plus /jwks.json.' }),
    jwksUrl: Type.String({ description: 'Where the signing keys are published (no authentication).' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { additionalProperties: false, title: 'SetReceiver' },
);

export const CreateSetReceiver = Type.Object(
  {
    url: Url,
    audience: Audience,
    payload: Type.Optional(Payload),
    description: Type.Optional(Description),
    eventTypes: Type.Optional(Type.Union([EventTypes, Type.Null()])),
    enabled: Type.Optional(Type.Boolean()),
    authorization: Type.Optional(Authorization),
  },
  { additionalProperties: false },
);

export const UpdateSetReceiver = Type.Partial(CreateSetReceiver, { additionalProperties: false });

export const RotateSetKey = Type.Object(
  {
    overlapSeconds: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 30 * 86_400,
        default: 86_400,
        description: 'How long the previous public key stays in the JWKS.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RotatedSetKey = Type.Object(
  {
    kid: Type.String(),
    previousKid: Type.Union([Type.String(), Type.Null()]),
    previousPublishedUntil: NullableTimestamp,
  },
  { additionalProperties: false },
);
