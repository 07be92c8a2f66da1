import { Type } from 'typebox';
import { Id, PageQuery, Timestamp } from './common-schemas.js';

export const AuditEntry = Type.Object(
  {
    id: Id,
    occurredAt: Timestamp,
    organizationId: Type.Union([Id, Type.Null()], {
      description: 'The organization acted in or on; null for installation-wide actions.',
    }),
    actor: Type.Object(
      {
        kind: Type.Enum(['admin_key', 'cli'], {
          description: '`admin_key`: through this API; `cli`: a `roster` command run on the host.',
        }),
        id: Type.Union([Id, Type.Null()], { description: 'The admin key id; null for the CLI.' }),
        name: Type.String({ description: 'The key name, or the account that ran the command.' }),
      },
      { additionalProperties: false },
    ),
    action: Type.String({
      description:
        'The route (`POST /api/v1/organizations/:organizationId/integrations`) or the command (`roster integration pause`).',
    }),
    target: Type.Union([Type.Record(Type.String(), Type.String()), Type.Array(Type.String()), Type.Null()], {
      description: 'Route parameters or command arguments naming what was acted on; never a body.',
    }),
    outcome: Type.Integer({ description: 'The HTTP status, or the exit code of the command.' }),
    address: Type.Union([Type.String(), Type.Null()], { description: 'The client address.' }),
    requestId: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false, title: 'AuditEntry' },
);

export const AuditQuery = Type.Object(
  {
    ...PageQuery,
    organizationId: Type.Optional(Id),
    actor: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'An admin key id.' })),
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: 'An exact action.' })),
    since: Type.Optional(Timestamp),
    until: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);
