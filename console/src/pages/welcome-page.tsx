import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { api, unwrap } from '../api/client.js';
import { PageTitle } from '../components/page-title.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { useHashToken } from '../lib/use-hash-token.js';
import { useSetSession } from '../session.js';

const titles = {
  first_account: 'Create the first account',
  invite: 'Accept your invitation',
  reset: 'Choose a new password',
} as const;

/** A one-time account link: the first account, an invitation, or a password reset. */
export function WelcomePage() {
  const token = useHashToken();
  const setSession = useSetSession();
  const [, navigate] = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const link = useQuery({
    queryKey: ['link', token],
    queryFn: async () => unwrap(await api.POST('/api/v1/console/links/describe', { body: { token } })),
    enabled: token !== '',
  });
  const accept = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/console/links/accept', {
          body: { token, password, ...(link.data?.kind === 'first_account' ? { email } : {}) },
        }),
      ),
    onSuccess: async (session) => {
      await setSession(session);
      navigate('/');
    },
  });
  if (token === '') {
    return (
      <main className="narrow" id="main">
        <PageTitle>This link is incomplete</PageTitle>
        <p>Open the whole link you were given, including the part after “#”.</p>
      </main>
    );
  }
  if (link.isPending)
    return (
      <main className="narrow" id="main">
        <Loading what="your link" />
      </main>
    );
  if (link.error) {
    return (
      <main className="narrow" id="main">
        <PageTitle>This link cannot be used</PageTitle>
        <ErrorMessage error={link.error} title="The link was refused" />
      </main>
    );
  }
  const mismatch = confirm !== '' && confirm !== password;
  return (
    <main className="narrow" id="main">
      <PageTitle>{titles[link.data.kind]}</PageTitle>
      {link.data.email ? (
        <p>
          Account: <strong>{link.data.email}</strong>
        </p>
      ) : null}
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!mismatch) accept.mutate();
        }}
      >
        {link.data.kind === 'first_account' ? (
          <>
            <label htmlFor="email">Email</label>
            <input
              id="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </>
        ) : null}
        <label htmlFor="password">Password (at least 12 characters)</label>
        <input
          id="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <label htmlFor="confirm">Password again</label>
        <input
          id="confirm"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={mismatch}
          aria-describedby="confirm-hint"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
        <p id="confirm-hint" className={mismatch ? 'field-error' : 'hint'}>
          {mismatch ? 'The two passwords differ.' : 'Type it twice to be sure.'}
        </p>
        <ErrorMessage error={accept.error} title="Could not save" />
        <button type="submit" className="primary" disabled={accept.isPending || mismatch}>
          {accept.isPending ? 'Saving…' : 'Save and sign in'}
        </button>
      </form>
    </main>
  );
}
