import { Link } from 'wouter';
import type { paths } from '../../../src/client/admin-api-types.js';
import { api, unwrap } from '../api/client.js';
import { formatDate } from '../lib/format.js';
import { usePagedList } from '../lib/use-list.js';
import { DataTable } from './data-table.js';

type EventsOperation = paths['/api/v1/organizations/{organizationId}/events']['get'];
type DirectoryEvent = EventsOperation['responses'][200]['content']['application/json']['data'][number];

const PAGE_SIZE = 20;

const eventWords: Record<string, string> = {
  'identity.created': 'Created',
  'identity.updated': 'Updated',
  'identity.disabled': 'Disabled',
  'identity.enabled': 'Enabled',
  'identity.deleted': 'Deleted',
  'group.member_added': 'Joined a group',
  'group.member_removed': 'Left a group',
};

const actorWords: Record<DirectoryEvent['actor']['kind'], string> = {
  integration: 'Integration',
  admin_key: 'Admin key',
  console_account: 'Console account',
  setup_link: 'Setup-link console',
  cli: 'CLI',
  system: 'Roster',
};

/**
 * The identity's history from the events feed (docs/events.md, `resourceId`): its own events and the
 * groups it joined or left, oldest first, paged with the feed's cursor. A request id of a SCIM request
 * links to that request in its integration's provisioning log.
 */
export function IdentityHistory({
  organizationId,
  identityId,
  integrationNames,
  groupNames,
}: {
  organizationId: string;
  identityId: string;
  integrationNames: ReadonlyMap<string, string>;
  groupNames: ReadonlyMap<string, string>;
}) {
  const history = usePagedList(['identity-history', organizationId], identityId, async (cursor) => {
    const page = unwrap(
      await api.GET('/api/v1/organizations/{organizationId}/events', {
        params: {
          path: { organizationId },
          query: { resourceId: identityId, limit: PAGE_SIZE, ...(cursor ? { after: cursor } : {}) },
        },
      }),
    );
    return { data: page.data, nextCursor: page.hasMore ? page.cursor : null };
  });
  const actor = (event: DirectoryEvent) => {
    const name =
      event.actor.kind === 'integration' && event.actor.id
        ? (integrationNames.get(event.actor.id) ?? event.actor.id)
        : event.actor.id;
    return name ? `${actorWords[event.actor.kind]} ${name}` : actorWords[event.actor.kind];
  };
  const what = (event: DirectoryEvent) => {
    const words = eventWords[event.type] ?? event.type;
    const groupId = typeof event.data.groupId === 'string' ? event.data.groupId : undefined;
    return groupId ? `${words}: ${groupNames.get(groupId) ?? groupId}` : words;
  };
  return (
    <section className="card" aria-labelledby="identity-history">
      <h2 id="identity-history">History</h2>
      <DataTable
        list={history}
        what="history"
        caption="History, oldest first"
        empty="No event kept for this identity (events are kept for the retention window)."
        rowKey={(event) => event.id}
        pager={history.pager}
        pagerWords={{ previous: 'Earlier', next: 'Later', label: 'History pages' }}
        columns={[
          { header: 'When', cell: (event) => formatDate(event.occurredAt) },
          { header: 'Event', cell: what },
          {
            header: 'Changed',
            cell: (event) =>
              event.type === 'identity.updated' ? (
                <span className="mono">{event.changed.join(', ')}</span>
              ) : (
                <span className="muted">–</span>
              ),
          },
          { header: 'By', cell: actor },
          {
            header: 'Request',
            className: 'mono',
            cell: (event) =>
              !event.requestId ? (
                '–'
              ) : event.integrationId && event.actor.kind === 'integration' ? (
                <Link
                  href={`/orgs/${organizationId}/integrations/${event.integrationId}?request=${encodeURIComponent(event.requestId)}`}
                >
                  <span className="visually-hidden">Open request </span>
                  {event.requestId}
                </Link>
              ) : (
                event.requestId
              ),
          },
        ]}
      />
    </section>
  );
}
