import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client.js';
import { CopyButton } from '../components/copy-button.js';
import { PageTitle } from '../components/page-title.js';
import { Empty, ErrorMessage, Loading } from '../components/status.js';
import { idpSetup, type Idp } from '../lib/idp-setup.js';
import { formatDate } from '../lib/format.js';
import { useProvisioningLog } from '../api/log.js';

/** The integration's latest SCIM request, from the provisioning log. */
function LastRequest({ organizationId, integrationId }: { organizationId: string; integrationId: string }) {
  const log = useProvisioningLog(organizationId, { integrationId, limit: 1 }, 5000);
  const last = log.data?.data[0];
  if (log.isPending) return <span className="muted">…</span>;
  if (!last) return <span className="muted">none yet</span>;
  return (
    <span className={last.status >= 400 ? 'field-error' : undefined}>
      {formatDate(last.occurredAt)} · {last.status}
    </span>
  );
}

export function useIntegrations(organizationId: string) {
  return useQuery({
    queryKey: ['integrations', organizationId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/organizations/{organizationId}/integrations', {
          params: { path: { organizationId } },
        }),
      ).data,
  });
}

/** 001's SCIM table (Name, Has Auth Token, Integration URL, ID) plus the IdP, the token's expiry and the last request. */
export function IntegrationsPage({ organizationId }: { organizationId: string }) {
  const integrations = useIntegrations(organizationId);
  return (
    <>
      <PageTitle
        actions={
          <Link className="button primary" href={`/orgs/${organizationId}/integrations/new`}>
            New integration
          </Link>
        }
      >
        Integrations
      </PageTitle>
      {integrations.isPending ? <Loading what="integrations" /> : null}
      <ErrorMessage error={integrations.error} title="Could not load the integrations" />
      {integrations.data?.length === 0 ? (
        <Empty>No integration yet. Create one to get the URL and token your identity provider needs.</Empty>
      ) : null}
      {integrations.data && integrations.data.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Integrations</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Has Auth Token</th>
                <th scope="col">Integration URL</th>
                <th scope="col">ID</th>
                <th scope="col">IdP</th>
                <th scope="col">Token expires</th>
                <th scope="col">Last request</th>
              </tr>
            </thead>
            <tbody>
              {integrations.data.map((integration) => (
                <tr key={integration.id}>
                  <td>
                    <Link href={`/orgs/${organizationId}/integrations/${integration.id}`}>
                      {integration.name}
                    </Link>
                  </td>
                  <td>{integration.hasValidToken ? 'Yes' : 'No'}</td>
                  <td className="mono">
                    <span className="truncate">{integration.integrationUrl}</span>{' '}
                    <CopyButton
                      value={integration.integrationUrl}
                      label={`integration URL of ${integration.name}`}
                    />
                  </td>
                  <td className="mono">
                    <span className="truncate">{integration.id}</span>{' '}
                    <CopyButton value={integration.id} label={`ID of ${integration.name}`} />
                  </td>
                  <td>{idpSetup[integration.idp as Idp]?.name ?? integration.idp}</td>
                  <td>{formatDate(integration.tokenExpiresAt)}</td>
                  <td>
                    <LastRequest organizationId={organizationId} integrationId={integration.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
