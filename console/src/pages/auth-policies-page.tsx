import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { PageTitle } from '../components/page-title.js';
import { DataTable } from '../components/data-table.js';
import { ErrorMessage } from '../components/status.js';
import { useAuthPolicies } from './integration-wizard-page.js';
import { useJwtSigners } from './jwt-signers-page.js';

export function AuthPoliciesPage({ organizationId }: { organizationId: string }) {
  const client = useQueryClient();
  const policies = useAuthPolicies(organizationId);
  const signers = useJwtSigners(organizationId);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [mfa, setMfa] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: ['auth-policies', organizationId] });
  const create = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/organizations/{organizationId}/auth-policies', {
          params: { path: { organizationId } },
          body: {
            name: name.trim(),
            signers: chosen,
            requiredClaims: mfa ? [{ claim: 'amr', anyOf: ['mfa'] }] : [],
          },
        }),
      ),
    onSuccess: () => {
      setName('');
      setChosen([]);
      setMfa(false);
      void refresh();
    },
  });
  const [editing, setEditing] = useState<{ id: string; signers: string[]; mfa: boolean } | undefined>();
  const update = useMutation({
    mutationFn: async (edit: { id: string; signers: string[]; mfa: boolean }) =>
      unwrap(
        await api.PATCH('/api/v1/organizations/{organizationId}/auth-policies/{policyId}', {
          params: { path: { organizationId, policyId: edit.id } },
          body: { signers: edit.signers, requiredClaims: edit.mfa ? [{ claim: 'amr', anyOf: ['mfa'] }] : [] },
        }),
      ),
    onSuccess: () => {
      setEditing(undefined);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: async (policyId: string) =>
      unwrap(
        await api.DELETE('/api/v1/organizations/{organizationId}/auth-policies/{policyId}', {
          params: { path: { organizationId, policyId } },
        }),
      ),
    onSuccess: () => void refresh(),
  });
  const signerName = new Map((signers.data ?? []).map((s) => [s.id, s.name] as const));
  return (
    <>
      <PageTitle>Auth policies</PageTitle>
      <form
        className="card fields"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <h2>New auth policy</h2>
        <label htmlFor="policy-name">Name</label>
        <input
          id="policy-name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <fieldset>
          <legend>JWT signers it accepts</legend>
          {(signers.data ?? []).map((s) => (
            <label key={s.id} className="checkbox">
              <input
                type="checkbox"
                checked={chosen.includes(s.id)}
                onChange={() =>
                  setChosen(chosen.includes(s.id) ? chosen.filter((c) => c !== s.id) : [...chosen, s.id])
                }
              />
              {s.name}
            </label>
          ))}
          {signers.data?.length === 0 ? (
            <p className="hint">No JWT signer yet: add one on the JWT signers page.</p>
          ) : null}
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={mfa} onChange={(e) => setMfa(e.target.checked)} />
          Require multi-factor sign-in (the token’s <code>amr</code> contains <code>mfa</code>)
        </label>
        <div className="buttons">
          <button type="submit" disabled={create.isPending}>
            Create policy
          </button>
        </div>
      </form>
      <ErrorMessage
        error={create.error ?? update.error ?? remove.error}
        title="Could not change the policies"
      />
      <DataTable
        list={policies}
        what="auth policies"
        caption="Auth policies"
        empty="No auth policy."
        rowKey={(p) => p.id}
        columns={[
          {
            header: 'Policy',
            cell: (p) => (
              <>
                {p.name}
                {p.isDefault ? <span className="hint"> (default)</span> : null}
              </>
            ),
          },
          {
            header: 'Signers',
            cell: (p) => (
              <>
                {editing?.id === p.id ? (
                  <fieldset>
                    <legend className="visually-hidden">Signers of {p.name}</legend>
                    {(signers.data ?? []).map((sg) => (
                      <label key={sg.id} className="checkbox">
                        <input
                          type="checkbox"
                          checked={editing.signers.includes(sg.id)}
                          onChange={() =>
                            setEditing({
                              ...editing,
                              signers: editing.signers.includes(sg.id)
                                ? editing.signers.filter((x) => x !== sg.id)
                                : [...editing.signers, sg.id],
                            })
                          }
                        />
                        {sg.name}
                      </label>
                    ))}
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={editing.mfa}
                        onChange={(e) => setEditing({ ...editing, mfa: e.target.checked })}
                      />
                      Require multi-factor sign-in
                    </label>
                    <div className="buttons">
                      <button
                        type="button"
                        onClick={() => update.mutate(editing)}
                        disabled={update.isPending}
                      >
                        Save
                      </button>
                      <button type="button" onClick={() => setEditing(undefined)}>
                        Cancel
                      </button>
                    </div>
                  </fieldset>
                ) : p.isDefault ? (
                  'every enabled signer'
                ) : (
                  p.signerIds.map((id) => signerName.get(id) ?? id).join(', ') || '–'
                )}
              </>
            ),
          },
          {
            header: 'Required claims',
            className: 'mono',
            cell: (p) => (
              <>{p.requiredClaims.map((c) => `${c.claim} ∋ ${c.anyOf.join('|')}`).join('; ') || '–'}</>
            ),
          },
          {
            header: 'Actions',
            hideHeader: true,
            cell: (p) => (
              <>
                {p.isDefault || editing?.id === p.id ? null : (
                  <button
                    type="button"
                    onClick={() =>
                      setEditing({
                        id: p.id,
                        signers: [...p.signerIds],
                        mfa: p.requiredClaims.some((c) => c.claim === 'amr' && c.anyOf.includes('mfa')),
                      })
                    }
                  >
                    Edit<span className="visually-hidden"> {p.name}</span>
                  </button>
                )}{' '}
                {p.isDefault ? null : (
                  <ConfirmButton
                    label="Delete"
                    question={`Delete ${p.name}?`}
                    onConfirm={() => remove.mutate(p.id)}
                    busy={remove.isPending}
                  />
                )}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
