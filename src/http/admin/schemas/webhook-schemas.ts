import { Type } from 'typebox';
import { EVENT_TYPES } from '../../../directory/model/directory-event.js';
import { Id, NullableTimestamp, Timestamp } from './common-schemas.js';

export const EventTypes = Type.Array(Type.Enum([...EVENT_TYPES]), { maxItems: 50 });
export const Url = Type.String({
  minLength: 1,
  maxLength: 2000,
  description: 'http(s); private targets are refused.',
});
export const Description = Type.Union([Type.String({ maxLength: 500 }), Type.Null()]);

export const WebhookEndpoint = Type.Object(
  {
    id: Id,
    organizationId: Id,
    url: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    eventTypes: Type.Union([EventTypes, Type.Null()], { description: 'null: every type.' }),
    enabled: Type.Boolean(),
    status: Type.Enum(['active', 'failing'], {
      description: 'failing: retries gave up (dead-letter); redeliver to resume.',
    }),
    failingReason: Type.Union([Type.String(), Type.Null()]),
    cursor: Type.String({ description: 'The events-feed cursor of the last event delivered.' }),
    attempts: Type.Integer({ description: 'Failed attempts at the next event.' }),
    nextAttemptAt: NullableTimestamp,
    lastError: Type.Union([Type.String(), Type.Null()]),
    previousSecretValidUntil: NullableTimestamp,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { additionalProperties: false, title: 'WebhookEndpoint' },
);

export const CreateWebhookEndpoint = Type.Object(
  {
    url: Url,
    description: Type.Optional(Description),
    eventTypes: Type.Optional(Type.Union([EventTypes, Type.Null()])),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const UpdateWebhookEndpoint = Type.Object(
  {
    url: Type.Optional(Url),
    description: Type.Optional(Description),
    eventTypes: Type.Optional(Type.Union([EventTypes, Type.Null()])),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const CreatedWebhookEndpoint = Type.Object(
  {
    endpoint: WebhookEndpoint,
    secret: Type.String({ description: 'The whsec_ signing secret, shown only now.' }),
  },
  { additionalProperties: false },
);

export const RotateWebhookSecret = Type.Object(
  {
    overlapSeconds: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 7 * 86_400,
        default: 86_400,
        description: 'How long the previous secret still signs too.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RotatedWebhookSecret = Type.Object(
  { secret: Type.String(), previousValidUntil: NullableTimestamp },
  { additionalProperties: false },
);

export const Redeliver = Type.Object(
  {
    after: Type.Optional(
      Type.String({ maxLength: 100, description: 'An events cursor; absent: from the oldest event kept.' }),
    ),
  },
  { additionalProperties: false },
);

export const WebhookDelivery = Type.Object(
  {
    id: Id,
    endpointId: Id,
    eventId: Id,
    eventSequence: Type.Integer(),
    attempt: Type.Integer(),
    attemptedAt: Timestamp,
    statusCode: Type.Union([Type.Integer(), Type.Null()]),
    latencyMs: Type.Number(),
    error: Type.Union([Type.String(), Type.Null()]),
    responseExcerpt: Type.Union([Type.String(), Type.Null()], {
      description: 'The first KiB of the answer.',
    }),
    outcome: Type.Enum(['delivered', 'failed', 'dead', 'rejected'], {
      description:
        'rejected: a SET receiver refused that SET for good (RFC 8935 error); it is not sent again.',
    }),
    manual: Type.Boolean(),
  },
  { additionalProperties: false, title: 'WebhookDelivery' },
);

export const DeliveryQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { additionalProperties: false },
);

export const DeliveryPage = Type.Object(
  { data: Type.Array(WebhookDelivery), nextCursor: Type.Union([Type.String(), Type.Null()]) },
  { additionalProperties: false },
);
