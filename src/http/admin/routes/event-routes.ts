import { eventsCursor, listEvents } from '../../../directory/events/list-events.js';
import { eventJson } from '../../../directory/events/event-json.js';
import type { AdminApiDeps, AdminApp } from '../admin-context.js';
import { organizationOf } from '../admin-context.js';
import { OrganizationParams, responses } from '../schemas/common-schemas.js';
import { EventCursor, EventPage, EventQuery } from '../schemas/event-schemas.js';

const tags = ['Events'];

export function registerEventRoutes(app: AdminApp, deps: AdminApiDeps): void {
  app.get(
    '/events',
    {
      schema: {
        tags,
        summary: 'Read the organization’s events in order',
        description:
          'Every directory change, in one order per organization (docs/events.md). Page with `after`; `wait` long-polls; `resourceId` reads one identity’s or group’s history. A cursor older than retention answers 409 `conflict` (event_cursor_expired): resync.',
        params: OrganizationParams({}),
        querystring: EventQuery,
        response: responses({ 200: EventPage }, [400, 404, 409]),
      },
    },
    async (request) => {
      // A long-poll ends early when the client goes away.
      const gone = new AbortController();
      const onClose = () => gone.abort();
      request.raw.once('close', onClose);
      try {
        const page = await listEvents(
          { store: deps.store, ...(deps.eventPollMs ? { pollMs: deps.eventPollMs } : {}) },
          { organizationId: organizationOf(request).id },
          {
            after: request.query.after,
            limit: request.query.limit,
            types: request.query.types
              ?.split(',')
              .map((type) => type.trim())
              .filter((type) => type !== ''),
            resourceId: request.query.resourceId,
            waitSeconds: request.query.wait,
            signal: gone.signal,
          },
        );
        return { data: page.events.map(eventJson), cursor: page.cursor, hasMore: page.hasMore };
      } finally {
        request.raw.off('close', onClose);
      }
    },
  );

  app.get(
    '/events/cursor',
    {
      schema: {
        tags,
        summary: 'The cursor of the feed’s current end',
        description:
          'Take it before a full read of identities and groups, then read events `after` it: the copy converges to Roster’s state (docs/events.md, Resync).',
        params: OrganizationParams({}),
        response: responses({ 200: EventCursor }, [404]),
      },
    },
    async (request) => ({ cursor: await eventsCursor(deps, { organizationId: organizationOf(request).id }) }),
  );
}
