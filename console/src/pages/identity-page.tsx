import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.js';
import { IdentityHistory } from '../components/identity-history.js';
import { PageTitle } from '../components/page-title.js';
import { Empty, ErrorMessage, Loading } from '../components/status.js';
import { formatDate } from '../lib/format.js';
import { useAuthPolicies } from './integration-wizard-page.js';
import { useGroups } from './groups-page.js';
import { useIntegrations } from './integrations-page.js';
import { IdentityExplanationSection } from './identity-explanation-section.js';

const profileLabels: Record<string, string> = {
  username: 'Username',
  givenName: 'First name',
  familyName: 'Last name',
  formattedName: 'Formatted name',
  displayName: 'Display name',
  email: 'Email',
  mobilePhone: 'Mobile number',
  workPhone: 'Work number',
  title: 'Position',
  department: 'Department',
  employeeNumber: 'Employee number',
  manager: 'Manager',
};

export function IdentityPage({ organizationId, identityId }: { organizationId: string; identityId: string }) {
  const path = { organizationId, identityId };
  const identity = useQuery({
    queryKey: ['identity', identityId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/organizations/{organizationId}/identities/{identityId}', { params: { path } }),
      ),
  });
  const groups = useQuery({
    queryKey: ['identity-groups', identityId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/organizations/{organizationId}/identities/{identityId}/groups', {
          params: { path },
        }),
      ).data,
  });
  const roles = useQuery({
    queryKey: ['identity-roles', identityId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/organizations/{organizationId}/identities/{identityId}/roles', {
          params: { path },
        }),
      ),
  });
  const integrations = useIntegrations(organizationId);
  // Groups it has left are named in its history too.
  const allGroups = useGroups(organizationId);
  const policies = useAuthPolicies(organizationId);
  if (identity.isPending) return <Loading what="the identity" />;
  if (identity.error) return <ErrorMessage error={identity.error} title="Could not load the identity" />;
  const data = identity.data;
  const source = integrations.data?.find((i) => i.id === data.sourceIntegrationId);
  const policy = policies.data?.find((p) => (data.authPolicyId ? p.id === data.authPolicyId : p.isDefault));
  const profile = Object.entries(data.profile).filter(([key, value]) => key !== 'workAddress' && value);
  return (
    <>
      <PageTitle>{data.name}</PageTitle>
      <section className="card" aria-labelledby="identity-facts">
        <h2 id="identity-facts">Sign-in</h2>
        <dl className="facts">
          <dt>Status</dt>
          <dd>
            <span className={`badge ${data.status}`}>{data.status}</span>
          </dd>
          <dt>Sign-in external ID</dt>
          <dd className="mono">{data.signInExternalId ?? 'none (cannot sign in with a JWT)'}</dd>
          <dt>Auth policy</dt>
          <dd>{policy?.name ?? data.authPolicyId ?? 'Default'}</dd>
          <dt>Managed by</dt>
          <dd>
            {data.sourceIntegrationId
              ? (source?.name ?? data.sourceIntegrationId)
              : 'no integration (unmanaged)'}
          </dd>
          <dt>Last synced</dt>
          <dd>{formatDate(data.lastSyncedAt)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="identity-profile">
        <h2 id="identity-profile">Profile</h2>
        {profile.length === 0 ? (
          <Empty>The IdP sent no profile fields.</Empty>
        ) : (
          <dl className="facts">
            {profile.map(([key, value]) => (
              <div key={key} className="fact">
                <dt>{profileLabels[key] ?? key}</dt>
                <dd>{String(value)}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <section className="card" aria-labelledby="identity-attributes">
        <h2 id="identity-attributes">Attributes</h2>
        <p className="hint">
          Attributes come from the IdP’s group names, its <code>roles</code> and its <code>entitlements</code>
          , as the integration’s mapping allows.
        </p>
        {data.attributes.length === 0 ? (
          <Empty>No attributes.</Empty>
        ) : (
          <ul className="chips">
            {data.attributes.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        )}
      </section>
      <IdentityExplanationSection organizationId={organizationId} identityId={identityId} />
      <section className="card" aria-labelledby="identity-groups">
        <h2 id="identity-groups">Groups</h2>
        <ErrorMessage error={groups.error} title="Could not load the groups" />
        {groups.data?.length === 0 ? <Empty>In no directory group.</Empty> : null}
        <ul className="chips">
          {(groups.data ?? []).map((g) => (
            <li key={g.id}>{g.name}</li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="identity-roles">
        <h2 id="identity-roles">Effective roles</h2>
        <ErrorMessage error={roles.error} title="Could not load the roles" />
        {roles.data?.data.length === 0 ? <Empty>No roles (none of its groups carries one).</Empty> : null}
        <ul>
          {(roles.data?.data ?? []).map((r) => (
            <li key={r.id}>
              <strong>{r.name}</strong>: {r.permissions.join(', ') || 'no permissions'}
            </li>
          ))}
        </ul>
      </section>
      <IdentityHistory
        organizationId={organizationId}
        identityId={identityId}
        integrationNames={new Map((integrations.data ?? []).map((i) => [i.id, i.name] as const))}
        groupNames={new Map((allGroups.data ?? []).map((g) => [g.id, g.name] as const))}
      />
    </>
  );
}
