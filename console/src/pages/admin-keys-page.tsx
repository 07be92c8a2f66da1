import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { PageTitle } from '../components/page-title.js';
import { DataTable } from '../components/data-table.js';
import { ErrorMessage } from '../components/status.js';
import { useList } from '../lib/use-list.js';
import { TokenOnce } from '../components/token-once.js';
import { formatDate, scopeText } from '../lib/format.js';
import { useOrganizations } from '../layout.js';

export function AdminKeysPage() {
  const client = useQueryClient();
  const organizations = useOrganizations();
  const keys = useList(['admin-keys'], async () => unwrap(await api.GET('/api/v1/admin-keys')).data);
  const [name, setName] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: ['admin-keys'] });
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/admin-keys', {
          body: { name: name.trim(), organizationId: organizationId || null },
        }),
      ),
    onSuccess: () => {
      setName('');
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: async (keyId: string) =>
      unwrap(await api.DELETE('/api/v1/admin-keys/{keyId}', { params: { path: { keyId } } })),
    onSuccess: () => void refresh(),
  });
  const orgName = new Map((organizations.data ?? []).map((o) => [o.id, o.name] as const));
  return (
    <>
      <PageTitle>Admin keys</PageTitle>
      {create.data ? (
        <section className="card">
          <h2>Key “{create.data.name}” created</h2>
          <TokenOnce token={create.data.secret} onDone={() => create.reset()} doneLabel="Done" />
        </section>
      ) : (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate();
          }}
        >
          <label htmlFor="key-name">New key name</label>
          <input
            id="key-name"
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <label htmlFor="key-scope">Scope</label>
          <select id="key-scope" value={organizationId} onChange={(e) => setOrganizationId(e.target.value)}>
            <option value="">The whole installation</option>
            {(organizations.data ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                Organization {o.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={create.isPending}>
            Create key
          </button>
        </form>
      )}
      <ErrorMessage error={create.error ?? revoke.error} title="Could not change the keys" />
      <DataTable
        list={keys}
        what="admin keys"
        caption="Admin keys"
        empty="No admin key."
        rowKey={(k) => k.id}
        columns={[
          { header: 'Name', cell: (k) => k.name },
          {
            header: 'Scope',
            cell: (k) => scopeText(k.organizationId, orgName),
          },
          { header: 'Key starts with', className: 'mono', cell: (k) => k.hint },
          { header: 'Last used', cell: (k) => formatDate(k.lastUsedAt) },
          {
            header: 'Status',
            cell: (k) => (k.revokedAt ? `revoked ${formatDate(k.revokedAt)}` : 'active'),
          },
          {
            header: 'Actions',
            hideHeader: true,
            cell: (k) =>
              k.revokedAt ? null : (
                <ConfirmButton
                  label="Revoke"
                  question={`Revoke ${k.name}? It stops working at once.`}
                  onConfirm={() => revoke.mutate(k.id)}
                  busy={revoke.isPending}
                />
              ),
          },
        ]}
      />
    </>
  );
}
