import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { CopyField } from '../components/copy-button.js';
import { PageTitle } from '../components/page-title.js';
import { DataTable } from '../components/data-table.js';
import { ErrorMessage } from '../components/status.js';
import { useList } from '../lib/use-list.js';
import { formatDate } from '../lib/format.js';

/** Self-serve setup links: one organization, a chosen lifetime, spent on first use. */
export function SetupLinksPage({ organizationId }: { organizationId: string }) {
  const client = useQueryClient();
  const key = ['setup-links', organizationId];
  const links = useList(
    key,
    async () =>
      unwrap(
        await api.GET('/api/v1/organizations/{organizationId}/setup-links', {
          params: { path: { organizationId } },
        }),
      ).data,
  );
  const [label, setLabel] = useState('');
  const [hours, setHours] = useState(72);
  const [issued, setIssued] = useState<{ url: string; expiresAt: string } | undefined>();
  const refresh = () => client.invalidateQueries({ queryKey: key });
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/organizations/{organizationId}/setup-links', {
          params: { path: { organizationId } },
          body: { label: label.trim(), validForHours: hours },
        }),
      ),
    onSuccess: (made) => {
      setIssued(made);
      setLabel('');
      void refresh();
    },
  });
  const regenerate = useMutation({
    mutationFn: async (linkId: string) =>
      unwrap(
        await api.POST('/api/v1/organizations/{organizationId}/setup-links/{linkId}/regenerate', {
          params: { path: { organizationId, linkId } },
        }),
      ),
    onSuccess: (made) => {
      setIssued(made);
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: async (linkId: string) =>
      unwrap(
        await api.DELETE('/api/v1/organizations/{organizationId}/setup-links/{linkId}', {
          params: { path: { organizationId, linkId } },
        }),
      ),
    onSuccess: () => void refresh(),
  });
  return (
    <>
      <PageTitle>Setup links</PageTitle>
      <p className="hint">
        A setup link opens a console for this organization only, without an account: send it to your
        customer’s IT admin so they connect their own identity provider. It works once.
      </p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <label htmlFor="link-label">For (who receives it)</label>
        <input id="link-label" maxLength={200} value={label} onChange={(e) => setLabel(e.target.value)} />
        <label htmlFor="link-hours">Valid for (hours)</label>
        <input
          id="link-hours"
          type="number"
          min={1}
          max={720}
          required
          value={hours}
          onChange={(e) => setHours(Number(e.target.value))}
        />
        <button type="submit" disabled={create.isPending}>
          Create link
        </button>
      </form>
      {issued ? (
        <section className="card" aria-live="polite">
          <CopyField id="setup-link" label="Setup link" value={issued.url} />
          <p className="hint">Shown only now; valid until {formatDate(issued.expiresAt)}.</p>
        </section>
      ) : null}
      <ErrorMessage
        error={create.error ?? regenerate.error ?? revoke.error}
        title="Could not change the links"
      />
      <DataTable
        list={links}
        what="setup links"
        caption="Setup links"
        empty="No setup link yet."
        rowKey={(l) => l.id}
        columns={[
          { header: 'For', cell: (l) => l.label || '–' },
          { header: 'Status', cell: (l) => <span className={`badge ${l.status}`}>{l.status}</span> },
          { header: 'Valid until', cell: (l) => formatDate(l.expiresAt) },
          { header: 'Created', cell: (l) => formatDate(l.createdAt) },
          {
            header: 'Actions',
            hideHeader: true,
            className: 'row-actions',
            cell: (l) => (
              <>
                {l.status !== 'revoked' ? (
                  <button
                    type="button"
                    onClick={() => regenerate.mutate(l.id)}
                    disabled={regenerate.isPending}
                  >
                    Regenerate<span className="visually-hidden"> the link for {l.label || l.id}</span>
                  </button>
                ) : null}
                {l.status === 'active' || l.status === 'used' ? (
                  <ConfirmButton
                    label="Revoke"
                    question="Revoke it? Its console ends at once."
                    onConfirm={() => revoke.mutate(l.id)}
                    busy={revoke.isPending}
                  />
                ) : null}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
