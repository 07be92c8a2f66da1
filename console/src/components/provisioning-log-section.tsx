import { useState } from 'react';
import {
  entryReason,
  loadProvisioningLog,
  useProvisioningLog,
  type LogEntry,
  type LogQuery,
} from '../api/log.js';
import { formatDate } from '../lib/format.js';
import { usePagedList } from '../lib/use-list.js';
import { DataTable } from './data-table.js';

function EntryDetail({ entry, onClose }: { entry: LogEntry; onClose: () => void }) {
  const body = entry.requestBody ? JSON.stringify(JSON.parse(entry.requestBody), null, 2) : undefined;
  return (
    <section className="log-detail" aria-labelledby="log-detail-title">
      <h3 id="log-detail-title">
        {entry.method} {entry.path} → {entry.status}
      </h3>
      <dl className="facts">
        <dt>What happened</dt>
        <dd>{entryReason(entry)}</dd>
        <dt>When</dt>
        <dd>
          {formatDate(entry.occurredAt)} ({Math.round(entry.durationMs)} ms)
        </dd>
        <dt>Request id</dt>
        <dd className="mono">{entry.requestId}</dd>
        {entry.resourceId ? (
          <>
            <dt>Resource</dt>
            <dd className="mono">
              {entry.resourceType} {entry.resourceId}
            </dd>
          </>
        ) : null}
        <dt>Events it caused</dt>
        <dd>
          {entry.eventIds.length === 0 ? 'none' : <span className="mono">{entry.eventIds.join(', ')}</span>}
        </dd>
      </dl>
      {body ? (
        <>
          <h4>Request body (secrets redacted)</h4>
          <pre className="body" tabIndex={0}>
            {body}
          </pre>
        </>
      ) : null}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </section>
  );
}

const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** The integration's SCIM requests: filter by outcome, status, time and resource; open one to read it. */
export function ProvisioningLogSection({
  organizationId,
  integrationId,
  requestId,
}: {
  organizationId: string;
  integrationId: string;
  /** A request to open at once (a link from an identity's history); said in words when not logged. */
  requestId?: string | undefined;
}) {
  const [outcome, setOutcome] = useState<'' | 'success' | 'failure'>('');
  const [status, setStatus] = useState('');
  const [resourceId, setResourceId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [open, setOpen] = useState<LogEntry | undefined>();
  const asked = useProvisioningLog(
    organizationId,
    { integrationId, requestId: requestId ?? '', limit: 1 },
    false,
    requestId !== undefined,
  );
  const [shownAsked, setShownAsked] = useState<string | undefined>();
  const askedEntry = asked.data?.data[0];
  if (askedEntry && shownAsked !== askedEntry.id) {
    setShownAsked(askedEntry.id);
    setOpen(askedEntry);
  }
  const filters: LogQuery = {
    integrationId,
    limit: 20,
    ...(outcome ? { outcome } : {}),
    ...(/^\d{3}$/.test(status) ? { status: Number(status) } : {}),
    ...(resourceId.trim() ? { resourceId: resourceId.trim() } : {}),
    ...(toIso(from) ? { from: toIso(from) } : {}),
    ...(toIso(to) ? { to: toIso(to) } : {}),
  };
  // A filter change starts again at the first page: usePagedList keys its cursors by the filters.
  const log = usePagedList(
    ['provisioning-log', organizationId],
    filters,
    (cursor) => loadProvisioningLog(organizationId, { ...filters, ...(cursor ? { cursor } : {}) }),
    5000,
  );
  return (
    <section className="card" aria-labelledby="log-title">
      <h2 id="log-title">Provisioning log</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter the log">
        <div>
          <label htmlFor="log-outcome">Outcome</label>
          <select
            id="log-outcome"
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as typeof outcome)}
          >
            <option value="">All</option>
            <option value="success">Succeeded</option>
            <option value="failure">Failed</option>
          </select>
        </div>
        <div>
          <label htmlFor="log-status">Status</label>
          <input
            id="log-status"
            inputMode="numeric"
            size={4}
            value={status}
            onChange={(e) => setStatus(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="log-resource">Resource id</label>
          <input id="log-resource" value={resourceId} onChange={(e) => setResourceId(e.target.value)} />
        </div>
        <div>
          <label htmlFor="log-from">From</label>
          <input id="log-from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div>
          <label htmlFor="log-to">To</label>
          <input id="log-to" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </form>
      <DataTable
        list={log}
        what="log"
        caption="SCIM requests, newest first"
        empty="No request matches."
        rowKey={(entry) => entry.id}
        rowClassName={(entry) => (entry.status >= 400 ? 'failed' : undefined)}
        pager={log.pager}
        pagerWords={{ previous: 'Newer', next: 'Older', label: 'Log pages' }}
        columns={[
          { header: 'When', cell: (entry) => formatDate(entry.occurredAt) },
          {
            header: 'Request',
            className: 'mono',
            cell: (entry) => (
              <button type="button" className="link" onClick={() => setOpen(entry)}>
                {entry.method} {entry.path}
              </button>
            ),
          },
          { header: 'Status', cell: (entry) => entry.status },
          { header: 'What happened', cell: (entry) => entryReason(entry) },
        ]}
      />
      {requestId && asked.data && !askedEntry ? (
        <p className="hint" role="status">
          Request <code>{requestId}</code> is not in the log: it was pruned or never logged (the log is lossy
          by design).
        </p>
      ) : null}
      {open ? <EntryDetail entry={open} onClose={() => setOpen(undefined)} /> : null}
    </section>
  );
}
