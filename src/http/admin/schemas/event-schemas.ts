import { Type } from 'typebox';
import { EVENT_TYPES } from '../../../directory/model/directory-event.js';
import { MAX_EVENT_PAGE, MAX_EVENT_WAIT_SECONDS } from '../../../directory/events/list-events.js';
import { Id, IdOf, Timestamp } from './common-schemas.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const DirectoryEvent = Type.Object(
  {
    id: Id,
    organizationId: Id,
    sequence: Type.Integer({
      minimum: 1,
      description: 'Position in the organization’s feed: 1, 2, 3, … in commit order, without gaps.',
    }),
    type: Type.Enum([...EVENT_TYPES]),
    occurredAt: Timestamp,
    integrationId: Nullable(
      Type.String({ description: 'The integration whose SCIM request (or remap) caused it.' }),
    ),
    requestId: Nullable(
      Type.String({ description: 'The x-request-id of the SCIM or admin request that caused it.' }),
    ),
    actor: Type.Object(
      {
        kind: Type.Enum(['integration', 'admin_key', 'console_account', 'setup_link', 'cli', 'system']),
        id: Nullable(Type.String({ description: 'The integration or admin key id.' })),
      },
      { additionalProperties: false },
    ),
    resource: Type.Object(
      { type: Type.Enum(['identity', 'group', 'integration', 'remap']), id: Id },
      { additionalProperties: false },
    ),
    data: Type.Record(Type.String(), Type.Unknown(), {
      description:
        'The resource’s full new state (an identity with its groupIds; a group with its roleIds); for member events, groupId and identityId.',
    }),
    changed: Type.Array(Type.String(), { description: 'The fields that changed.' }),
  },
  { additionalProperties: false, title: 'Event' },
);

export const EventQuery = Type.Object(
  {
    after: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description:
          'The `cursor` of the previous page (or of /events/cursor); absent: from the oldest kept.',
      }),
    ),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: MAX_EVENT_PAGE, default: 100, description: 'Page size.' }),
    ),
    types: Type.Optional(
      Type.String({ maxLength: 2000, description: 'Comma-separated event types (all when absent).' }),
    ),
    resourceId: Type.Optional(
      IdOf(
        'Only this resource’s history: the events of this identity or group, and for an identity the member events of the groups it joined or left.',
      ),
    ),
    wait: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: MAX_EVENT_WAIT_SECONDS,
        description: `Long-poll: seconds (up to ${MAX_EVENT_WAIT_SECONDS}) to wait when no event is there yet.`,
      }),
    ),
  },
  { additionalProperties: false },
);

export const EventPage = Type.Object(
  {
    data: Type.Array(DirectoryEvent),
    cursor: Type.String({
      description: 'Pass as `after` to read on; never null (an empty page keeps its place).',
    }),
    hasMore: Type.Boolean({ description: 'The page is full: read on at once.' }),
  },
  { additionalProperties: false, title: 'EventPage' },
);

export const EventCursor = Type.Object(
  { cursor: Type.String({ description: 'The feed’s current end: every later change comes after it.' }) },
  { additionalProperties: false, title: 'EventCursor' },
);
