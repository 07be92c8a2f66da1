import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.js';
import { ErrorMessage } from './status.js';

/**
 * The live "waiting for your IdP" check. It polls the integration's identities: the panel turns green
 * when the IdP's first user has arrived through an authenticated SCIM request (the admin API has no
 * per-integration request log on this branch, so a request that creates no user is not seen yet).
 */
export function WaitingPanel({
  organizationId,
  integrationId,
}: {
  organizationId: string;
  integrationId: string;
}) {
  const arrived = useQuery({
    queryKey: ['first-identity', integrationId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/organizations/{organizationId}/identities', {
          params: { path: { organizationId }, query: { integrationId, limit: 1 } },
        }),
      ).data[0],
    refetchInterval: (query) => (query.state.data ? false : 2000),
  });
  const first = arrived.data;
  return (
    <section
      className={`waiting ${first ? 'connected' : ''}`}
      aria-labelledby="waiting-title"
      aria-live="polite"
    >
      <h2 id="waiting-title">{first ? 'Your IdP is connected' : 'Waiting for your IdP…'}</h2>
      {first ? (
        <p>
          Roster received its first user from your identity provider: <strong>{first.name}</strong>.
        </p>
      ) : (
        <p>
          This turns green as soon as your identity provider sends its first user. In most IdPs, assign a
          person to the app and start provisioning (or use “Test connection” and then provision one user).
        </p>
      )}
      <ErrorMessage error={arrived.error} title="Could not check" />
    </section>
  );
}
