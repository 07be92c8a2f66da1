import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { PageTitle } from '../components/page-title.js';
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

export function JwtSignersPage({ organizationId }: { organizationId: string }) {
  const client = useQueryClient();
  const signers = useJwtSigners(organizationId);
  const [form, setForm] = useState({
    name: '',
    issuer: '',
    audience: '',
    jwksUrl: '',
    externalIdClaim: 'sub',
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['jwt-signers', organizationId] });
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/organizations/{organizationId}/jwt-signers', {
          params: { path: { organizationId } },
          body: {
            name: form.name.trim(),
            issuer: form.issuer.trim(),
            audience: form.audience.trim(),
            jwksUrl: form.jwksUrl.trim(),
            externalIdClaim: form.externalIdClaim.trim() || 'sub',
          },
        }),
      ),
    onSuccess: () => {
      setForm({ name: '', issuer: '', audience: '', jwksUrl: '', externalIdClaim: 'sub' });
      void refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: async ({ signerId, enabled }: { signerId: string; enabled: boolean }) =>
      unwrap(
        await api.PATCH('/api/v1/organizations/{organizationId}/jwt-signers/{signerId}', {
          params: { path: { organizationId, signerId } },
          body: { enabled },
        }),
      ),
    onSuccess: () => void refresh(),
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
  const field = (key: keyof typeof form, label: string, hint?: string) => (
    <>
      <label htmlFor={`signer-${key}`}>{label}</label>
      <input
        id={`signer-${key}`}
        required
        value={form[key]}
        aria-describedby={hint ? `signer-${key}-hint` : undefined}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
      />
      {hint ? (
        <p className="hint" id={`signer-${key}-hint`}>
          {hint}
        </p>
      ) : null}
    </>
  );
  return (
    <>
      <PageTitle>JWT signers</PageTitle>
      <form
        className="card fields"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <h2>New JWT signer</h2>
        {field('name', 'Name')}
        {field('issuer', 'Issuer', 'The tokens’ iss claim, e.g. https://login.example.com')}
        {field('audience', 'Audience', 'The tokens’ aud claim: your app’s client id')}
        {field('jwksUrl', 'JWKS URL', 'https; Roster fetches and caches the keys')}
        {field(
          'externalIdClaim',
          'External ID claim',
          'The claim matched against an identity’s sign-in external ID',
        )}
        <div className="buttons">
          <button type="submit" disabled={create.isPending}>
            Create signer
          </button>
        </div>
      </form>
      <ErrorMessage
        error={create.error ?? toggle.error ?? remove.error}
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
          { header: 'Claim', className: 'mono', cell: (s) => s.externalIdClaim },
          {
            header: 'Enabled',
            cell: (s) => (
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={s.enabled}
                  onChange={() => toggle.mutate({ signerId: s.id, enabled: !s.enabled })}
                />
                <span className="visually-hidden">{s.name} enabled</span>
              </label>
            ),
          },
          {
            header: 'Actions',
            hideHeader: true,
            cell: (s) => (
              <ConfirmButton
                label="Delete"
                question={`Delete ${s.name}?`}
                onConfirm={() => remove.mutate(s.id)}
                busy={remove.isPending}
              />
            ),
          },
        ]}
      />
    </>
  );
}
