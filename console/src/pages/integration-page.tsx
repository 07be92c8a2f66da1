import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { api, unwrap } from '../api/client.js';
import { CopyField } from '../components/copy-button.js';
import {
  IdentityMappingFields,
  mappingProblem,
  signInExternalIdValue,
  type IdentityMapping,
  type IdentityName,
} from '../components/identity-mapping-fields.js';
import { PageTitle } from '../components/page-title.js';
import { RemapJobProgress } from '../components/remap-job-progress.js';
import { RemapPreviewView } from '../components/remap-preview-view.js';
import { ErrorMessage, Loading } from '../components/status.js';
import { TokenOnce } from '../components/token-once.js';
import { formatDate } from '../lib/format.js';
import { idpSetup, type Idp } from '../lib/idp-setup.js';
import { useIntegrations } from './integrations-page.js';
import { useAuthPolicies } from './integration-wizard-page.js';
import { GroupMappingsSection } from './group-mappings-section.js';
import { WaitingPanel } from '../components/waiting-panel.js';
import { ProvisioningLogSection } from '../components/provisioning-log-section.js';

type Params = { organizationId: string; integrationId: string };

function useSettings({ organizationId, integrationId }: Params) {
  return useQuery({
    queryKey: ['settings', integrationId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/organizations/{organizationId}/integrations/{integrationId}/settings', {
          params: { path: { organizationId, integrationId } },
        }),
      ).settings,
  });
}

function MappingSection(params: Params) {
  const client = useQueryClient();
  const settings = useSettings(params);
  const policies = useAuthPolicies(params.organizationId);
  const [mapping, setMapping] = useState<IdentityMapping | undefined>();
  useEffect(() => {
    if (!settings.data || mapping) return;
    const source = settings.data.signInExternalId;
    setMapping({
      identityName: settings.data.identityName as IdentityName,
      authPolicyId: settings.data.authPolicyId,
      externalId: source.kind === 'attribute' ? 'custom' : source.kind,
      customPath: source.kind === 'attribute' ? (source.path ?? '') : '',
    });
  }, [settings.data, mapping]);
  const change = mapping && {
    identityName: mapping.identityName,
    signInExternalId: signInExternalIdValue(mapping),
    authPolicyId: mapping.authPolicyId,
  };
  const preview = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/organizations/{organizationId}/integrations/{integrationId}/remap-previews', {
          params: { path: params },
          body: { settings: change },
        }),
      ).preview,
  });
  const apply = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.PATCH('/api/v1/organizations/{organizationId}/integrations/{integrationId}/settings', {
          params: { path: params },
          body: change ?? {},
        }),
      ),
    onSuccess: () => {
      preview.reset();
      void client.invalidateQueries({ queryKey: ['settings', params.integrationId] });
    },
  });
  if (settings.isPending || !mapping) return <Loading what="the mapping" />;
  if (settings.error) return <ErrorMessage error={settings.error} title="Could not load the mapping" />;
  return (
    <section className="card" aria-labelledby="mapping-title">
      <h2 id="mapping-title">Identity mapping</h2>
      <p className="hint">
        A change applies to every identity already synced, and to all future ones: preview it first.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!mappingProblem(mapping)) preview.mutate();
        }}
      >
        <IdentityMappingFields
          value={mapping}
          onChange={(next) => {
            setMapping(next);
            preview.reset();
          }}
          policies={policies.data ?? []}
        />
        <div className="buttons">
          <button type="submit" disabled={preview.isPending || mappingProblem(mapping) !== undefined}>
            {preview.isPending ? 'Previewing…' : 'Preview the change'}
          </button>
        </div>
      </form>
      <ErrorMessage error={preview.error} title="Could not preview" />
      {preview.data ? (
        <>
          <RemapPreviewView preview={preview.data} />
          <div className="buttons">
            <button
              type="button"
              className="primary"
              onClick={() => apply.mutate()}
              disabled={apply.isPending}
            >
              Apply to {preview.data.total} identities
            </button>
          </div>
        </>
      ) : null}
      <ErrorMessage error={apply.error} title="Could not apply" />
      {apply.data ? (
        <RemapJobProgress organizationId={params.organizationId} jobId={apply.data.remapJob.id} />
      ) : null}
    </section>
  );
}

function TokenSection(params: Params) {
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const rotate = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/organizations/{organizationId}/integrations/{integrationId}/token', {
          params: { path: params },
          body: {},
        }),
      ),
    onSuccess: () => {
      setConfirming(false);
      void client.invalidateQueries({ queryKey: ['integrations', params.organizationId] });
    },
  });
  return (
    <section className="card" aria-labelledby="token-title">
      <h2 id="token-title">Token</h2>
      {rotate.data ? (
        <TokenOnce token={rotate.data.token} onDone={() => rotate.reset()} doneLabel="Done" />
      ) : confirming ? (
        <div role="alertdialog" aria-labelledby="rotate-warning" className="confirm">
          <p id="rotate-warning" className="warning">
            Generating a new token stops the current one at once: your IdP’s requests fail until you paste the
            new token into it. Be ready to update your IdP now.
          </p>
          <div className="buttons">
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => rotate.mutate()}
              disabled={rotate.isPending}
            >
              Generate a new token
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          Generate a new token…
        </button>
      )}
      <ErrorMessage error={rotate.error} title="Could not generate a token" />
    </section>
  );
}

const deleteChoices = [
  ['disable', 'Disable them', 'They stay, disabled: nobody signs in with them until an admin enables them.'],
  ['keep', 'Keep them unmanaged', 'They stay as they are, no longer updated by any IdP.'],
  ['delete', 'Delete them', 'They are deleted with the integration; this cannot be undone.'],
] as const;

function DeleteSection(params: Params & { name: string }) {
  const [, navigate] = useLocation();
  const client = useQueryClient();
  const [choice, setChoice] = useState<'disable' | 'keep' | 'delete'>('disable');
  const remove = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.DELETE('/api/v1/organizations/{organizationId}/integrations/{integrationId}', {
          params: { path: params, query: { identities: choice } },
        }),
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['integrations', params.organizationId] });
      navigate(`/orgs/${params.organizationId}/integrations`);
    },
  });
  return (
    <section className="card" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete this integration</h2>
      <fieldset>
        <legend>Its token stops working at once. What happens to the identities it manages?</legend>
        {deleteChoices.map(([value, label, hint]) => (
          <label key={value} className="radio">
            <input
              type="radio"
              name="identities"
              value={value}
              checked={choice === value}
              onChange={() => setChoice(value)}
            />
            <span>
              {label} <span className="hint">{hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <button type="button" className="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
        Delete {params.name}
      </button>
      <ErrorMessage error={remove.error} title="Could not delete" />
    </section>
  );
}

/** An operator's stop: the IdP's requests get 503 with Retry-After (it retries; nothing is lost). */
function PauseSection(params: Params & { pausedAt: string | null }) {
  const client = useQueryClient();
  const toggle = useMutation({
    mutationFn: async () =>
      params.pausedAt
        ? unwrap(
            await api.POST('/api/v1/organizations/{organizationId}/integrations/{integrationId}/resume', {
              params: {
                path: { organizationId: params.organizationId, integrationId: params.integrationId },
              },
            }),
          )
        : unwrap(
            await api.POST('/api/v1/organizations/{organizationId}/integrations/{integrationId}/pause', {
              params: {
                path: { organizationId: params.organizationId, integrationId: params.integrationId },
              },
            }),
          ),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['integrations', params.organizationId] }),
  });
  return (
    <section className="card" aria-labelledby="pause-title">
      <h2 id="pause-title">Pause</h2>
      <p className="hint">
        {params.pausedAt
          ? `Paused since ${formatDate(params.pausedAt)}: your IdP’s requests get “503, retry later”, and it retries them once resumed.`
          : 'Pausing answers every SCIM request “503, retry later”: the IdP retries, so nothing is lost.'}
      </p>
      <button type="button" onClick={() => toggle.mutate()} disabled={toggle.isPending}>
        {params.pausedAt ? 'Resume' : 'Pause'}
      </button>
      <ErrorMessage error={toggle.error} title="Could not change it" />
    </section>
  );
}

export function IntegrationPage(params: Params) {
  // ?request=… : a request to open in the log (linked from an identity's history).
  const askedRequest = new URLSearchParams(useSearch()).get('request');
  const integrations = useIntegrations(params.organizationId);
  const integration = integrations.data?.find((i) => i.id === params.integrationId);
  if (integrations.isPending) return <Loading what="the integration" />;
  if (integrations.error)
    return <ErrorMessage error={integrations.error} title="Could not load the integration" />;
  if (!integration)
    return <ErrorMessage error={new Error('No such integration in this organization.')} title="Not found" />;
  return (
    <>
      <PageTitle>{integration.name}</PageTitle>
      <section className="card" aria-labelledby="about-title">
        <h2 id="about-title">Connection</h2>
        <dl className="facts">
          <dt>Identity provider</dt>
          <dd>{idpSetup[integration.idp as Idp]?.name ?? integration.idp}</dd>
          <dt>Has Auth Token</dt>
          <dd>{integration.hasValidToken ? 'Yes' : 'No'}</dd>
          <dt>Token expires</dt>
          <dd>{formatDate(integration.tokenExpiresAt)}</dd>
        </dl>
        <CopyField id="integration-url" label="Integration URL" value={integration.integrationUrl} />
        <CopyField id="integration-id" label="ID" value={integration.id} />
      </section>
      <WaitingPanel organizationId={params.organizationId} integrationId={params.integrationId} />
      <MappingSection {...params} />
      <TokenSection {...params} />
      <PauseSection {...params} pausedAt={integration.pausedAt} />
      <ProvisioningLogSection {...params} requestId={askedRequest ?? undefined} />
      <GroupMappingsSection {...params} />
      <DeleteSection {...params} name={integration.name} />
    </>
  );
}
