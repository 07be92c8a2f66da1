import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import { api, unwrap } from './api/client.js';
import { useSession, useSetSession } from './session.js';

const organizationPages = [
  ['integrations', 'Integrations'],
  ['identities', 'Identities'],
  ['groups', 'Groups'],
  ['roles', 'Roles'],
  ['auth-policies', 'Auth policies'],
  ['jwt-signers', 'JWT signers'],
  ['webhooks', 'Webhooks'],
  ['setup-links', 'Setup links'],
] as const;

/** Pages a setup-link console shows: its integrations (wizard included), groups and roles. */
const setupPages = new Set(['integrations', 'groups', 'roles']);

export function useOrganizations() {
  return useQuery({
    queryKey: ['organizations'],
    queryFn: async () => unwrap(await api.GET('/api/v1/organizations')).data,
  });
}

/** The organization last shown, so the installation pages (keys, accounts) keep its navigation. */
let lastOrganizationId: string | undefined;

export function Layout({
  organizationId: given,
  children,
}: {
  organizationId?: string;
  children: React.ReactNode;
}) {
  if (given) lastOrganizationId = given;
  const organizationId = given ?? lastOrganizationId;
  const session = useSession();
  const setSession = useSetSession();
  const [location, navigate] = useLocation();
  const organizations = useOrganizations();
  const signOut = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/console/sign-out')),
    onSettled: async () => {
      await setSession(null);
      navigate('/sign-in');
    },
  });
  const setup = session.kind === 'setup';
  const pages = organizationPages.filter(([path]) => !setup || setupPages.has(path));
  const current = organizations.data?.find((o) => o.id === organizationId);
  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Roster</span>
        {organizations.data && organizations.data.length > 1 && organizationId ? (
          <label className="org-switch">
            <span>Organization</span>
            <select
              value={organizationId}
              onChange={(e) =>
                navigate(`/orgs/${e.target.value}/${location.split('/')[3] ?? 'integrations'}`)
              }
            >
              {organizations.data.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="org-name">{current?.name}</span>
        )}
        <span className="who">{setup ? 'Setup link' : session.account?.email}</span>
        <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          Sign out
        </button>
      </header>
      <div className="body">
        <nav aria-label="Console" className="sidenav">
          {organizationId ? (
            <ul>
              {pages.map(([path, label]) => {
                const href = `/orgs/${organizationId}/${path}`;
                const active = location.startsWith(href);
                return (
                  <li key={path}>
                    <Link href={href} aria-current={active ? 'page' : undefined}>
                      {label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          ) : null}
          {session.organizationId === null && !setup ? (
            <ul>
              <li>
                <Link href="/admin-keys" aria-current={location === '/admin-keys' ? 'page' : undefined}>
                  Admin keys
                </Link>
              </li>
              <li>
                <Link
                  href="/console-accounts"
                  aria-current={location === '/console-accounts' ? 'page' : undefined}
                >
                  Console accounts
                </Link>
              </li>
            </ul>
          ) : !setup ? (
            <ul>
              <li>
                <Link
                  href="/console-accounts"
                  aria-current={location === '/console-accounts' ? 'page' : undefined}
                >
                  Console accounts
                </Link>
              </li>
            </ul>
          ) : null}
        </nav>
        <main id="main" className="content">
          {children}
        </main>
      </div>
    </div>
  );
}
