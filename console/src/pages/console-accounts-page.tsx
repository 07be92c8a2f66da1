import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client.js';
import { ConfirmButton } from '../components/confirm-button.js';
import { CopyField } from '../components/copy-button.js';
import { PageTitle } from '../components/page-title.js';
import { DataTable } from '../components/data-table.js';
import { ErrorMessage } from '../components/status.js';
import { useList } from '../lib/use-list.js';
import { formatDate, scopeText } from '../lib/format.js';
import { useOrganizations } from '../layout.js';
import { useSession } from '../session.js';

export function ConsoleAccountsPage() {
  const session = useSession();
  const client = useQueryClient();
  const organizations = useOrganizations();
  const accounts = useList(
    ['console-accounts'],
    async () => unwrap(await api.GET('/api/v1/console-accounts')).data,
  );
  const [email, setEmail] = useState('');
  const [organizationId, setOrganizationId] = useState(session.organizationId ?? '');
  const [link, setLink] = useState<{ label: string; url: string; expiresAt: string } | undefined>();
  const refresh = () => client.invalidateQueries({ queryKey: ['console-accounts'] });
  const invite = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/console-accounts', {
          body: { email: email.trim(), organizationId: organizationId || null },
        }),
      ),
    onSuccess: (invited) => {
      setLink({ label: `Invitation link for ${invited.account.email}`, ...invited.invitation });
      setEmail('');
      void refresh();
    },
  });
  const act = useMutation({
    mutationFn: async ({
      accountId,
      action,
    }: {
      accountId: string;
      action: 'disable' | 'enable' | 'reset' | 'delete';
    }) => {
      const path = { path: { accountId } };
      if (action === 'delete')
        return unwrap(await api.DELETE('/api/v1/console-accounts/{accountId}', { params: path }));
      if (action === 'reset') {
        const made = unwrap(await api.POST('/api/v1/console-accounts/{accountId}/reset', { params: path }));
        setLink({ label: 'Password link', ...made });
        return made;
      }
      return action === 'disable'
        ? unwrap(await api.POST('/api/v1/console-accounts/{accountId}/disable', { params: path }))
        : unwrap(await api.POST('/api/v1/console-accounts/{accountId}/enable', { params: path }));
    },
    onSuccess: () => void refresh(),
  });
  const orgName = new Map((organizations.data ?? []).map((o) => [o.id, o.name] as const));
  return (
    <>
      <PageTitle>Console accounts</PageTitle>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          invite.mutate();
        }}
      >
        <label htmlFor="invite-email">Invite by email</label>
        <input
          id="invite-email"
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor="invite-scope">Scope</label>
        <select
          id="invite-scope"
          value={organizationId}
          onChange={(e) => setOrganizationId(e.target.value)}
          disabled={session.organizationId !== null}
        >
          {session.organizationId === null ? <option value="">The whole installation</option> : null}
          {(organizations.data ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              Organization {o.name}
            </option>
          ))}
        </select>
        <button type="submit" disabled={invite.isPending}>
          Invite
        </button>
      </form>
      {link ? (
        <section className="card" aria-live="polite">
          <CopyField id="account-link" label={link.label} value={link.url} />
          <p className="hint">
            Shown only now; valid until {formatDate(link.expiresAt)}. Roster sends no mail: pass it on.
          </p>
        </section>
      ) : null}
      <ErrorMessage error={invite.error ?? act.error} title="Could not change the accounts" />
      <DataTable
        list={accounts}
        what="console accounts"
        caption="Console accounts"
        empty="No console account."
        rowKey={(a) => a.id}
        columns={[
          { header: 'Email', cell: (a) => a.email },
          { header: 'Scope', cell: (a) => scopeText(a.organizationId, orgName) },
          {
            header: 'Status',
            cell: (a) => (a.disabledAt ? 'disabled' : a.hasPassword ? 'active' : 'invited'),
          },
          { header: 'Last sign-in', cell: (a) => formatDate(a.lastSignInAt) },
          {
            header: 'Actions',
            hideHeader: true,
            className: 'row-actions',
            cell: (a) =>
              a.id === session.account?.id ? (
                <span className="hint">you</span>
              ) : (
                <>
                  <button
                    type="button"
                    onClick={() =>
                      act.mutate({ accountId: a.id, action: a.disabledAt ? 'enable' : 'disable' })
                    }
                  >
                    {a.disabledAt ? 'Enable' : 'Disable'}
                    <span className="visually-hidden"> {a.email}</span>
                  </button>
                  <button type="button" onClick={() => act.mutate({ accountId: a.id, action: 'reset' })}>
                    Reset password<span className="visually-hidden"> of {a.email}</span>
                  </button>
                  <ConfirmButton
                    label="Delete"
                    question={`Delete ${a.email}?`}
                    onConfirm={() => act.mutate({ accountId: a.id, action: 'delete' })}
                  />
                </>
              ),
          },
        ]}
      />
    </>
  );
}
