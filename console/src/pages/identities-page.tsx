import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client.js';
import { PageTitle } from '../components/page-title.js';
import { Empty, ErrorMessage, Loading } from '../components/status.js';
import { formatDate } from '../lib/format.js';
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
  // The cursors of the pages before this one, so "Previous" can go back.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const integrations = useIntegrations(organizationId);
  const groups = useGroups(organizationId);
  const filters = {
    q: q.trim() || undefined,
    status: status || undefined,
    integrationId: integrationId || undefined,
    groupId: groupId || undefined,
    attribute: attribute.trim() || undefined,
  };
  const identities = useQuery({
    queryKey: ['identities', organizationId, filters, cursor],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/organizations/{organizationId}/identities', {
          params: { path: { organizationId }, query: { ...filters, limit: PAGE_SIZE, cursor } },
        }),
      ),
    placeholderData: (previous) => previous,
  });
  const restart =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setCursors([undefined]);
    };
  const names = new Map((integrations.data ?? []).map((i) => [i.id, i.name] as const));
  return (
    <>
      <PageTitle>Identities</PageTitle>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="identity-search">Search by name</label>
          <input
            id="identity-search"
            type="search"
            value={q}
            onChange={(e) => restart(setQ)(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="identity-status">Status</label>
          <select
            id="identity-status"
            value={status}
            onChange={(e) => restart(setStatus)(e.target.value as Status | '')}
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
            onChange={(e) => restart(setIntegrationId)(e.target.value)}
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
          <select id="identity-group" value={groupId} onChange={(e) => restart(setGroupId)(e.target.value)}>
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
          <input
            id="identity-attribute"
            value={attribute}
            onChange={(e) => restart(setAttribute)(e.target.value)}
          />
        </div>
      </form>
      {identities.isPending ? <Loading what="identities" /> : null}
      <ErrorMessage error={identities.error} title="Could not load the identities" />
      {identities.data?.data.length === 0 ? <Empty>No identity matches.</Empty> : null}
      {identities.data && identities.data.data.length > 0 ? (
        <div className="table-wrap">
          <table aria-busy={identities.isFetching}>
            <caption className="visually-hidden">Identities</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Status</th>
                <th scope="col">Sign-in external ID</th>
                <th scope="col">Integration</th>
                <th scope="col">Last synced</th>
              </tr>
            </thead>
            <tbody>
              {identities.data.data.map((identity) => (
                <tr key={identity.id}>
                  <td>
                    <Link href={`/orgs/${organizationId}/identities/${identity.id}`}>{identity.name}</Link>
                  </td>
                  <td>
                    <span className={`badge ${identity.status}`}>{identity.status}</span>
                  </td>
                  <td className="mono">{identity.signInExternalId ?? '–'}</td>
                  <td>
                    {identity.sourceIntegrationId
                      ? (names.get(identity.sourceIntegrationId) ?? identity.sourceIntegrationId)
                      : 'unmanaged'}
                  </td>
                  <td>{formatDate(identity.lastSyncedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <nav className="pager" aria-label="Pages">
        <button
          type="button"
          disabled={cursors.length === 1}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          Previous page
        </button>
        <span>Page {cursors.length}</span>
        <button
          type="button"
          disabled={!identities.data?.nextCursor}
          onClick={() => setCursors([...cursors, identities.data?.nextCursor ?? undefined])}
        >
          Next page
        </button>
      </nav>
    </>
  );
}
