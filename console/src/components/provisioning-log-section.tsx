import { useState } from 'react';
import { entryReason, useProvisioningLog, type LogEntry, type LogQuery } from '../api/log.js';
import { formatDate } from '../lib/format.js';
import { Empty, ErrorMessage, Loading } from './status.js';

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
}: {
  organizationId: string;
  integrationId: string;
}) {
  const [outcome, setOutcome] = useState<'' | 'success' | 'failure'>('');
  const [status, setStatus] = useState('');
  const [resourceId, setResourceId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [open, setOpen] = useState<LogEntry | undefined>();
  const query: LogQuery = {
    integrationId,
    limit: 20,
    ...(outcome ? { outcome } : {}),
    ...(/^\d{3}$/.test(status) ? { status: Number(status) } : {}),
    ...(resourceId.trim() ? { resourceId: resourceId.trim() } : {}),
    ...(toIso(from) ? { from: toIso(from) } : {}),
    ...(toIso(to) ? { to: toIso(to) } : {}),
    ...(cursors[cursors.length - 1] ? { cursor: cursors[cursors.length - 1] } : {}),
  };
  const log = useProvisioningLog(organizationId, query, cursors.length === 1 ? 5000 : false);
  const restart = (set: (value: string) => void) => (value: string) => {
    set(value);
    setCursors([undefined]);
  };
  return (
    <section className="card" aria-labelledby="log-title">
      <h2 id="log-title">Provisioning log</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter the log">
        <div>
          <label htmlFor="log-outcome">Outcome</label>
          <select
            id="log-outcome"
            value={outcome}
            onChange={(e) => restart((v) => setOutcome(v as typeof outcome))(e.target.value)}
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
            onChange={(e) => restart(setStatus)(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="log-resource">Resource id</label>
          <input
            id="log-resource"
            value={resourceId}
            onChange={(e) => restart(setResourceId)(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="log-from">From</label>
          <input
            id="log-from"
            type="datetime-local"
            value={from}
            onChange={(e) => restart(setFrom)(e.target.value)}
          />
        </div>
        <div>
          <label htmlFor="log-to">To</label>
          <input
            id="log-to"
            type="datetime-local"
            value={to}
            onChange={(e) => restart(setTo)(e.target.value)}
          />
        </div>
      </form>
      {log.isPending ? <Loading what="the log" /> : null}
      <ErrorMessage error={log.error} title="Could not load the log" />
      {log.data?.data.length === 0 ? <Empty>No request matches.</Empty> : null}
      {log.data && log.data.data.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">SCIM requests, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Request</th>
                <th scope="col">Status</th>
                <th scope="col">What happened</th>
              </tr>
            </thead>
            <tbody>
              {log.data.data.map((entry) => (
                <tr key={entry.id} className={entry.status >= 400 ? 'failed' : undefined}>
                  <td>{formatDate(entry.occurredAt)}</td>
                  <td className="mono">
                    <button type="button" className="link" onClick={() => setOpen(entry)}>
                      {entry.method} {entry.path}
                    </button>
                  </td>
                  <td>{entry.status}</td>
                  <td>{entryReason(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <nav className="pager" aria-label="Log pages">
        <button
          type="button"
          disabled={cursors.length === 1}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          Newer
        </button>
        <button
          type="button"
          disabled={!log.data?.nextCursor}
          onClick={() => setCursors([...cursors, log.data?.nextCursor ?? undefined])}
        >
          Older
        </button>
      </nav>
      {open ? <EntryDetail entry={open} onClose={() => setOpen(undefined)} /> : null}
    </section>
  );
}
