import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { api, unwrap } from '../api/client.js';
import { PageTitle } from '../components/page-title.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { useHashToken } from '../lib/use-hash-token.js';
import { useSetSession } from '../session.js';

/** A self-serve setup link: spent on opening, it becomes a console for one organization. */
export function SetupLinkPage() {
  const token = useHashToken();
  const setSession = useSetSession();
  const [, navigate] = useLocation();
  const open = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/console/setup-links/open', { body: { token } })),
    onSuccess: async (session) => {
      await setSession(session);
      navigate(`/orgs/${session.organizationId ?? ''}/integrations`);
    },
  });
  const { mutate } = open;
  useEffect(() => {
    if (token) mutate();
  }, [token, mutate]);
  return (
    <main className="narrow" id="main">
      <PageTitle>Connect your identity provider</PageTitle>
      {!token ? <p>Open the whole link you were given, including the part after “#”.</p> : null}
      {open.isPending ? <Loading what="your setup link" /> : null}
      <ErrorMessage error={open.error} title="This setup link cannot be used" />
    </main>
  );
}
