import { Link } from 'wouter';
import { api, unwrap } from '../api/client.js';
import { CopyButton } from '../components/copy-button.js';
import { PageTitle } from '../components/page-title.js';
import { DataTable } from '../components/data-table.js';
import { idpSetup, type Idp } from '../lib/idp-setup.js';
import { formatDate } from '../lib/format.js';
import { useList } from '../lib/use-list.js';

type IntegrationRow = Awaited<ReturnType<typeof loadIntegrations>>[number];

/** The integration's newest logged SCIM request, from the list's aggregate (no read per row). */
function LastRequest({ activity }: { activity: IntegrationRow['activity'] }) {
  if (!activity.lastRequestAt) return <span className="muted">none yet</span>;
  const failed = (activity.lastRequestStatus ?? 0) >= 400;
  return (
    <span className={failed ? 'field-error' : undefined}>
      {formatDate(activity.lastRequestAt)} · {activity.lastRequestStatus}
    </span>
  );
}

/** Failures over requests in the last 24 hours, as a percentage with the counts it comes from. */
function DayErrorRate({ lastDay }: { lastDay: IntegrationRow['activity']['lastDay'] }) {
  if (lastDay.requests === 0) return <span className="muted">no requests</span>;
  const percent = Math.round(lastDay.rate * 1000) / 10;
  return (
    <span className={lastDay.failures > 0 ? 'field-error' : undefined}>
      {percent}%{' '}
      <span className="hint">
        ({lastDay.failures} of {lastDay.requests})
      </span>
    </span>
  );
}

async function loadIntegrations(organizationId: string) {
  return unwrap(
    await api.GET('/api/v1/organizations/{organizationId}/integrations', {
      params: { path: { organizationId } },
    }),
  ).data;
}

/** The integrations with their recent activity; the integrations table polls it (the last request moves). */
export function useIntegrations(organizationId: string, refetchInterval: number | false = false) {
  return useList(['integrations', organizationId], () => loadIntegrations(organizationId), {
    refetchInterval,
  });
}

/** 001's SCIM table (Name, Has Auth Token, Integration URL, ID) plus the IdP, the token's expiry, the last request and the error rate over 24 h. */
export function IntegrationsPage({ organizationId }: { organizationId: string }) {
  const integrations = useIntegrations(organizationId, 5000);
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
      <DataTable
        list={integrations}
        what="integrations"
        caption="Integrations"
        empty="No integration yet. Create one to get the URL and token your identity provider needs."
        rowKey={(integration) => integration.id}
        columns={[
          {
            header: 'Name',
            cell: (integration) => (
              <Link href={`/orgs/${organizationId}/integrations/${integration.id}`}>{integration.name}</Link>
            ),
          },
          { header: 'Has Auth Token', cell: (integration) => (integration.hasValidToken ? 'Yes' : 'No') },
          {
            header: 'Integration URL',
            className: 'mono',
            cell: (integration) => (
              <>
                <span className="truncate">{integration.integrationUrl}</span>{' '}
                <CopyButton
                  value={integration.integrationUrl}
                  label={`integration URL of ${integration.name}`}
                />
              </>
            ),
          },
          {
            header: 'ID',
            className: 'mono',
            cell: (integration) => (
              <>
                <span className="truncate">{integration.id}</span>{' '}
                <CopyButton value={integration.id} label={`ID of ${integration.name}`} />
              </>
            ),
          },
          { header: 'IdP', cell: (integration) => idpSetup[integration.idp as Idp]?.name ?? integration.idp },
          { header: 'Token expires', cell: (integration) => formatDate(integration.tokenExpiresAt) },
          { header: 'Last request', cell: (integration) => <LastRequest activity={integration.activity} /> },
          {
            header: 'Error rate (24 h)',
            cell: (integration) => <DayErrorRate lastDay={integration.activity.lastDay} />,
          },
        ]}
      />
    </>
  );
}
