import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { CopyField } from '../components/copy-button.js';
import { PageTitle } from '../components/page-title.js';
import { DataTable, ListStatus } from '../components/data-table.js';
import { ErrorMessage } from '../components/status.js';
import { useList } from '../lib/use-list.js';
import { formatDate } from '../lib/format.js';

type Params = { organizationId: string; webhookId: string };

function Deliveries({ organizationId, webhookId }: Params) {
  const client = useQueryClient();
  const deliveries = useList(
    ['deliveries', webhookId],
    async () =>
      unwrap(
        await api.GET('/api/v1/organizations/{organizationId}/webhooks/{webhookId}/deliveries', {
          params: { path: { organizationId, webhookId }, query: { limit: 10 } },
        }),
      ).data,
    { refetchInterval: 5000 },
  );
  const redeliver = useMutation({
    mutationFn: async (deliveryId: string) =>
      unwrap(
        await api.POST(
          '/api/v1/organizations/{organizationId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver',
          { params: { path: { organizationId, webhookId, deliveryId } } },
        ),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['deliveries', webhookId] }),
  });
  return (
    <>
      <DataTable
        list={deliveries}
        what="deliveries"
        caption="Recent deliveries"
        showCaption
        empty="No delivery yet."
        rowKey={(d) => d.id}
        columns={[
          { header: 'When', cell: (d) => formatDate(d.attemptedAt) },
          { header: 'Event', cell: (d) => `#${d.eventSequence}` },
          {
            header: 'Outcome',
            cell: (d) => (
              <span className={`badge ${d.outcome === 'delivered' ? 'active' : 'disabled'}`}>
                {d.outcome}
              </span>
            ),
          },
          {
            header: 'Answer',
            cell: (d) => d.error ?? (d.statusCode === null ? '–' : `HTTP ${d.statusCode}`),
          },
          {
            header: 'Actions',
            hideHeader: true,
            cell: (d) => (
              <button type="button" onClick={() => redeliver.mutate(d.id)} disabled={redeliver.isPending}>
                Redeliver<span className="visually-hidden"> event {d.eventSequence}</span>
              </button>
            ),
          },
        ]}
      />
      <ErrorMessage error={redeliver.error} title="Could not redeliver" />
    </>
  );
}

/** Webhook endpoints of the organization: the events feed pushed to an app, signed (Standard Webhooks). */
export function WebhooksPage({ organizationId }: { organizationId: string }) {
  const client = useQueryClient();
  const key = ['webhooks', organizationId];
  const webhooks = useList(
    key,
    async () =>
      unwrap(
        await api.GET('/api/v1/organizations/{organizationId}/webhooks', {
          params: { path: { organizationId } },
        }),
      ).data,
  );
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [secret, setSecret] = useState<string | undefined>();
  const [open, setOpen] = useState<string | undefined>();
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/organizations/{organizationId}/webhooks', {
          params: { path: { organizationId } },
          body: { url: url.trim(), ...(description.trim() ? { description: description.trim() } : {}) },
        }),
      ),
    onSuccess: (made) => {
      setSecret(made.secret);
      setUrl('');
      setDescription('');
      void refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: async ({ webhookId, enabled }: { webhookId: string; enabled: boolean }) =>
      unwrap(
        await api.PATCH('/api/v1/organizations/{organizationId}/webhooks/{webhookId}', {
          params: { path: { organizationId, webhookId } },
          body: { enabled },
        }),
      ),
    onSuccess: () => void refresh(),
  });
  const remove = useMutation({
    mutationFn: async (webhookId: string) =>
      unwrap(
        await api.DELETE('/api/v1/organizations/{organizationId}/webhooks/{webhookId}', {
          params: { path: { organizationId, webhookId } },
        }),
      ),
    onSuccess: () => void refresh(),
  });
  return (
    <>
      <PageTitle>Webhooks</PageTitle>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <label htmlFor="webhook-url">Endpoint URL (https)</label>
        <input
          id="webhook-url"
          type="url"
          required
          size={40}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <label htmlFor="webhook-description">Description</label>
        <input
          id="webhook-description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
        <button type="submit" disabled={create.isPending}>
          Add endpoint
        </button>
      </form>
      {secret ? (
        <section className="card" aria-live="polite">
          <CopyField id="webhook-secret" label="Signing secret" value={secret} />
          <p className="hint">Shown only now: your app verifies each delivery’s signature with it.</p>
        </section>
      ) : null}
      <ErrorMessage
        error={create.error ?? toggle.error ?? remove.error}
        title="Could not change the webhooks"
      />
      <ListStatus list={webhooks} what="webhooks" empty="No webhook endpoint yet." />
      {(webhooks.data ?? []).map((w) => (
        <section key={w.id} className="card" aria-label={`Webhook ${w.url}`}>
          <h2 className="mono">{w.url}</h2>
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <span className={`badge ${w.status === 'active' ? 'active' : 'disabled'}`}>{w.status}</span>
              {w.failingReason ? ` ${w.failingReason}` : ''}
            </dd>
            <dt>Events</dt>
            <dd>{w.eventTypes?.join(', ') ?? 'every type'}</dd>
            {w.lastError ? (
              <>
                <dt>Last error</dt>
                <dd>{w.lastError}</dd>
              </>
            ) : null}
            {w.description ? (
              <>
                <dt>Description</dt>
                <dd>{w.description}</dd>
              </>
            ) : null}
          </dl>
          <div className="row-actions">
            <button type="button" onClick={() => toggle.mutate({ webhookId: w.id, enabled: !w.enabled })}>
              {w.enabled ? 'Disable' : 'Enable'}
            </button>
            <button
              type="button"
              onClick={() => setOpen(open === w.id ? undefined : w.id)}
              aria-expanded={open === w.id}
            >
              {open === w.id ? 'Hide deliveries' : 'Show deliveries'}
            </button>
            <ConfirmButton
              label="Delete"
              question="Delete this endpoint?"
              onConfirm={() => remove.mutate(w.id)}
            />
          </div>
          {open === w.id ? <Deliveries organizationId={organizationId} webhookId={w.id} /> : null}
        </section>
      ))}
    </>
  );
}
