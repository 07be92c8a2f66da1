import { Type } from 'typebox';
import { Id, Timestamp } from './common-schemas.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const ProvisioningLogEntry = Type.Object(
  {
    id: Id,
    integrationId: Id,
    requestId: Type.String({ description: 'The x-request-id of the SCIM request.' }),
    occurredAt: Timestamp,
    method: Type.String(),
    path: Type.String({ description: 'Path and query as sent.' }),
    status: Type.Integer(),
    scimType: Nullable(Type.String({ description: 'The RFC 7644 scimType of a failure, when it has one.' })),
    durationMs: Type.Number(),
    resourceType: Type.Union([Type.Enum(['User', 'Group']), Type.Null()]),
    resourceId: Nullable(Type.String({ description: 'The SCIM resource the request touched.' })),
    requestBody: Nullable(
      Type.String({
        description: 'The request body as JSON text, passwords (and marked attributes) redacted.',
      }),
    ),
    reason: Nullable(Type.String({ description: 'Why it failed, in plain language.' })),
    authFailure: Type.Union([
      Type.Enum([
        'missing_header',
        'malformed_header',
        'unknown_token',
        'rotated_token',
        'expired_token',
        'other_integration_token',
        'no_token_configured',
        'access_token_refused',
      ]),
      Type.Null(),
    ]),
    eventIds: Type.Array(Id, { description: 'The events the request produced (docs/events.md).' }),
  },
  { additionalProperties: false, title: 'ProvisioningLogEntry' },
);

export const ProvisioningLogQuery = Type.Object(
  {
    integrationId: Type.Optional(Id),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'Entries at or after this time.' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: 'Entries before this time.' })),
    status: Type.Optional(Type.Integer({ minimum: 100, maximum: 599 })),
    outcome: Type.Optional(
      Type.Enum(['success', 'failure'], { description: 'failure: status 400 or above.' }),
    ),
    resourceId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    requestId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50 })),
    cursor: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'The `nextCursor` of the previous page.' }),
    ),
  },
  { additionalProperties: false },
);

export const ProvisioningLogPage = Type.Object(
  {
    data: Type.Array(ProvisioningLogEntry),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Older entries: pass as `cursor`.' }),
  },
  { additionalProperties: false, title: 'ProvisioningLogPage' },
);

const RequestSummary = Type.Union([
  Type.Object(
    {
      at: Timestamp,
      requestId: Type.String(),
      method: Type.String(),
      path: Type.String(),
      status: Type.Integer(),
      reason: Type.Union([Type.String(), Type.Null()]),
    },
    { additionalProperties: false },
  ),
  Type.Null(),
]);

export const ErrorRate = Type.Object(
  {
    requests: Type.Integer(),
    failures: Type.Integer(),
    rate: Type.Number({ description: 'failures / requests; 0 without requests.' }),
  },
  { additionalProperties: false },
);

export const IntegrationHealth = Type.Object(
  {
    lastRequest: RequestSummary,
    lastSuccess: RequestSummary,
    lastFailure: RequestSummary,
    lastHour: ErrorRate,
    lastDay: ErrorRate,
    tokenExpiresAt: Type.Union([Timestamp, Type.Null()]),
    tokenExpiresInDays: Type.Union([Type.Integer(), Type.Null()]),
  },
  { additionalProperties: false, title: 'IntegrationHealth' },
);
