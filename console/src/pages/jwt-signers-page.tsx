import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { PageTitle } from '../components/page-title.js';
import { emptySigner, SignerForm, signerChange, type SignerValues } from '../components/signer-form.js';
import { DataTable } from '../components/data-table.js';
import { ErrorMessage } from '../components/status.js';
import { useList } from '../lib/use-list.js';

export function useJwtSigners(organizationId: string) {
  return useList(
    ['jwt-signers', organizationId],
    async () =>
      unwrap(
        await api.GET('/api/v1/organizations/{organizationId}/jwt-signers', {
          params: { path: { organizationId } },
        }),
      ).data,
  );
}

type Signer = NonNullable<ReturnType<typeof useJwtSigners>['data']>[number];

const valuesOf = (s: Signer): SignerValues => ({
  name: s.name,
  issuer: s.issuer,
  audience: s.audience,
  keySource: s.publicKeyPem ? 'pem' : 'jwks',
  jwksUrl: s.jwksUrl ?? '',
  publicKeyPem: s.publicKeyPem ?? '',
  externalIdClaim: s.externalIdClaim,
  enabled: s.enabled,
});

export function JwtSignersPage({ organizationId }: { organizationId: string }) {
  const client = useQueryClient();
  const signers = useJwtSigners(organizationId);
  // A new form after each creation (its fields start empty again).
  const [created, setCreated] = useState(0);
  const [editing, setEditing] = useState<Signer | undefined>();
  const refresh = () => client.invalidateQueries({ queryKey: ['jwt-signers', organizationId] });
  const create = useMutation({
    mutationFn: async (form: SignerValues) =>
      unwrap(
        await api.POST('/api/v1/organizations/{organizationId}/jwt-signers', {
          params: { path: { organizationId } },
          body: {
            name: form.name.trim(),
            issuer: form.issuer.trim(),
            audience: form.audience.trim(),
            ...(form.keySource === 'jwks'
              ? { jwksUrl: form.jwksUrl.trim() }
              : { publicKeyPem: form.publicKeyPem.trim() }),
            externalIdClaim: form.externalIdClaim.trim() || 'sub',
            enabled: form.enabled,
          },
        }),
      ),
    onSuccess: () => {
      setCreated(created + 1);
      void refresh();
    },
  });
  const update = useMutation({
    mutationFn: async ({ signerId, body }: { signerId: string; body: ReturnType<typeof signerChange> }) =>
      unwrap(
        await api.PATCH('/api/v1/organizations/{organizationId}/jwt-signers/{signerId}', {
          params: { path: { organizationId, signerId } },
          body,
        }),
      ),
    onSuccess: () => {
      setEditing(undefined);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: async (signerId: string) =>
      unwrap(
        await api.DELETE('/api/v1/organizations/{organizationId}/jwt-signers/{signerId}', {
          params: { path: { organizationId, signerId } },
        }),
      ),
    onSuccess: () => void refresh(),
  });
  const toggle = (s: Signer) => update.mutate({ signerId: s.id, body: { enabled: !s.enabled } });
  return (
    <>
      <PageTitle>JWT signers</PageTitle>
      {editing ? (
        <SignerForm
          key={editing.id}
          idPrefix="edit-signer"
          title={`Edit ${editing.name}`}
          initial={valuesOf(editing)}
          submitLabel="Save signer"
          busy={update.isPending}
          onCancel={() => {
            setEditing(undefined);
            update.reset();
          }}
          onSubmit={(values) => {
            const body = signerChange(valuesOf(editing), values);
            if (Object.keys(body).length === 0) setEditing(undefined);
            else update.mutate({ signerId: editing.id, body });
          }}
        />
      ) : (
        <SignerForm
          key={created}
          idPrefix="signer"
          title="New JWT signer"
          initial={emptySigner}
          submitLabel="Create signer"
          busy={create.isPending}
          onSubmit={(values) => create.mutate(values)}
        />
      )}
      <p className="hint">
        An edit takes effect at once: the next sign-in is checked against the signer as saved.
      </p>
      <ErrorMessage
        error={create.error ?? update.error ?? remove.error}
        title="Could not change the signers"
      />
      <DataTable
        list={signers}
        what="JWT signers"
        caption="JWT signers"
        empty="No JWT signer yet."
        rowKey={(s) => s.id}
        columns={[
          { header: 'Signer', cell: (s) => s.name },
          { header: 'Issuer', className: 'mono', cell: (s) => s.issuer },
          { header: 'Audience', className: 'mono', cell: (s) => s.audience },
          {
            header: 'Keys',
            className: 'mono',
            cell: (s) => (s.jwksUrl ? <span className="truncate">{s.jwksUrl}</span> : 'PEM key'),
          },
          { header: 'Claim', className: 'mono', cell: (s) => s.externalIdClaim },
          {
            header: 'Enabled',
            cell: (s) => (
              <label className="checkbox">
                <input type="checkbox" checked={s.enabled} onChange={() => toggle(s)} />
                <span className="visually-hidden">{s.name} enabled</span>
              </label>
            ),
          },
          {
            header: 'Actions',
            hideHeader: true,
            className: 'row-actions',
            cell: (s) => (
              <>
                <button type="button" onClick={() => setEditing(s)}>
                  Edit<span className="visually-hidden"> {s.name}</span>
                </button>
                <ConfirmButton
                  label="Delete"
                  question={`Delete ${s.name}?`}
                  onConfirm={() => remove.mutate(s.id)}
                  busy={remove.isPending}
                />
              </>
            ),
          },
        ]}
      />
    </>
  );
}
