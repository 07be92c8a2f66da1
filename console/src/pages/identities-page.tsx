import { useState } from 'react';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client.js';
import { PageTitle } from '../components/page-title.js';
import { DataTable } from '../components/data-table.js';
import { formatDate } from '../lib/format.js';
import { usePagedList } from '../lib/use-list.js';
import { useIntegrations } from './integrations-page.js';
import { useGroups } from './groups-page.js';

type Status = 'active' | 'disabled' | 'deleted';
const PAGE_SIZE = 25;

/** Every identity of the organization: searchable, filterable, paged (the API's cursors). */
export function IdentitiesPage({ organizationId }: { organizationId: string }) {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const [integrationId, setIntegrationId] = useState('');
  const [groupId, setGroupId] = useState('');
  const [attribute, setAttribute] = useState('');
  const integrations = useIntegrations(organizationId);
  const groups = useGroups(organizationId);
  const filters = {
    q: q.trim() || undefined,
    status: status || undefined,
    integrationId: integrationId || undefined,
    groupId: groupId || undefined,
    attribute: attribute.trim() || undefined,
  };
  // A filter change starts again at the first page: usePagedList keys its cursors by the filters.
  const identities = usePagedList(['identities', organizationId], filters, async (cursor) =>
    unwrap(
      await api.GET('/api/v1/organizations/{organizationId}/identities', {
        params: { path: { organizationId }, query: { ...filters, limit: PAGE_SIZE, cursor } },
      }),
    ),
  );
  const names = new Map((integrations.data ?? []).map((i) => [i.id, i.name] as const));
  return (
    <>
      <PageTitle>Identities</PageTitle>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="identity-search">Search by name</label>
          <input id="identity-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div>
          <label htmlFor="identity-status">Status</label>
          <select
            id="identity-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as Status | '')}
          >
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="disabled">Disabled</option>
            <option value="deleted">Deleted</option>
          </select>
        </div>
        <div>
          <label htmlFor="identity-integration">Integration</label>
          <select
            id="identity-integration"
            value={integrationId}
            onChange={(e) => setIntegrationId(e.target.value)}
          >
            <option value="">Any</option>
            {(integrations.data ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="identity-group">Group</label>
          <select id="identity-group" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            <option value="">Any</option>
            {(groups.data ?? []).map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="identity-attribute">Attribute</label>
          <input id="identity-attribute" value={attribute} onChange={(e) => setAttribute(e.target.value)} />
        </div>
      </form>
      <DataTable
        list={identities}
        what="identities"
        caption="Identities"
        empty="No identity matches."
        rowKey={(identity) => identity.id}
        pager={identities.pager}
        columns={[
          {
            header: 'Name',
            cell: (identity) => (
              <Link href={`/orgs/${organizationId}/identities/${identity.id}`}>{identity.name}</Link>
            ),
          },
          {
            header: 'Status',
            cell: (identity) => <span className={`badge ${identity.status}`}>{identity.status}</span>,
          },
          {
            header: 'Sign-in external ID',
            className: 'mono',
            cell: (identity) => identity.signInExternalId ?? '–',
          },
          {
            header: 'Integration',
            cell: (identity) =>
              identity.sourceIntegrationId
                ? (names.get(identity.sourceIntegrationId) ?? identity.sourceIntegrationId)
                : 'unmanaged',
          },
          { header: 'Last synced', cell: (identity) => formatDate(identity.lastSyncedAt) },
        ]}
      />
    </>
  );
}
