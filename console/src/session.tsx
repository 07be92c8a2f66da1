import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { api, ApiError, unwrap, useCsrfToken } from './api/client.js';
import type { paths } from '../../src/client/admin-api-types.js';

export type ConsoleSession =
  paths['/api/v1/console/session']['get']['responses'][200]['content']['application/json'];

const SessionContext = createContext<ConsoleSession | undefined>(undefined);

/** The signed-in session: `undefined` while loading, `null` when not signed in. */
export function useSessionQuery() {
  return useQuery({
    queryKey: ['session'],
    queryFn: async ({ signal }) => {
      try {
        const session = unwrap(await api.GET('/api/v1/console/session', { signal }));
        useCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
  });
}

export const SessionProvider = SessionContext.Provider;

export function useSession(): ConsoleSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

/** After sign-in, a link, or sign-out: the new session is the one every page sees. */
export function useSetSession() {
  const client = useQueryClient();
  return async (session: ConsoleSession | null) => {
    // A session read still in flight (the page's first, before a setup link was opened) must not land
    // after this one and put the sign-in page back.
    await client.cancelQueries({ queryKey: ['session'] });
    useCsrfToken(session?.csrfToken);
    // Another person's data must not linger; the session query itself stays (its observers with it).
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== 'session' });
    client.setQueryData(['session'], session);
  };
}
