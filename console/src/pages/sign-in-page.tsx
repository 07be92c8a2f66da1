import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client.js';
import { ErrorMessage } from '../components/status.js';
import { PageTitle } from '../components/page-title.js';
import { useSetSession } from '../session.js';

export function SignInPage() {
  const setSession = useSetSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/console/sign-in', { body: { email, password } })),
    onSuccess: (session) => setSession(session),
  });
  return (
    <main className="narrow" id="main">
      <PageTitle>Sign in to Roster</PageTitle>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          signIn.mutate();
        }}
      >
        <label htmlFor="email">Email</label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <ErrorMessage error={signIn.error} title="Could not sign in" />
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="muted">
        No account yet? The first start of Roster printed a link that creates the first one; an administrator
        can invite you (<code>roster console-account invite</code>).
      </p>
    </main>
  );
}
