import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { api, unwrap } from '../api/client.js';
import {
  defaultMapping,
  IdentityMappingFields,
  mappingProblem,
  signInExternalIdValue,
  type IdentityMapping,
} from '../components/identity-mapping-fields.js';
import { IdpSetupSteps } from '../components/idp-setup-steps.js';
import { PageTitle } from '../components/page-title.js';
import { ErrorMessage } from '../components/status.js';
import { TokenOnce } from '../components/token-once.js';
import { WaitingPanel } from '../components/waiting-panel.js';
import { idpSetup, type Idp } from '../lib/idp-setup.js';
import { useList } from '../lib/use-list.js';

const parts = ['Name and IdP', 'Identity mapping', 'URL and token', 'Finish in your IdP'] as const;

export function useAuthPolicies(organizationId: string) {
  return useList(
    ['auth-policies', organizationId],
    async () =>
      unwrap(
        await api.GET('/api/v1/organizations/{organizationId}/auth-policies', {
          params: { path: { organizationId } },
        }),
      ).data,
  );
}

/** The first part: a unique name and the identity provider. */
export function NameAndIdpPart({
  name,
  idp,
  onChange,
  onNext,
}: {
  name: string;
  idp: Idp;
  onChange: (name: string, idp: Idp) => void;
  onNext: () => void;
}) {
  const blank = name.trim() === '';
  return (
    <form
      className="fields"
      onSubmit={(event) => {
        event.preventDefault();
        if (!blank) onNext();
      }}
    >
      <label htmlFor="integration-name">Integration name</label>
      <input
        id="integration-name"
        required
        maxLength={200}
        value={name}
        aria-describedby="integration-name-hint"
        onChange={(e) => onChange(e.target.value, idp)}
      />
      <p className="hint" id="integration-name-hint">
        Unique in this organization, in any case (for example “Okta production”).
      </p>
      <label htmlFor="integration-idp">Identity provider</label>
      <select id="integration-idp" value={idp} onChange={(e) => onChange(name, e.target.value as Idp)}>
        {(Object.keys(idpSetup) as Idp[]).map((key) => (
          <option key={key} value={key}>
            {idpSetup[key].name}
          </option>
        ))}
      </select>
      <div className="buttons">
        <button type="submit" className="primary" disabled={blank}>
          Next
        </button>
      </div>
    </form>
  );
}

/** 000's four parts, then the live check that the IdP has connected. */
export function IntegrationWizardPage({ organizationId }: { organizationId: string }) {
  const client = useQueryClient();
  const [part, setPart] = useState(0);
  const [name, setName] = useState('');
  const [idp, setIdp] = useState<Idp>('okta');
  const [mapping, setMapping] = useState<IdentityMapping>(defaultMapping);
  const policies = useAuthPolicies(organizationId);
  const create = useMutation({
    mutationFn: async () => {
      const created = unwrap(
        await api.POST('/api/v1/organizations/{organizationId}/integrations', {
          params: { path: { organizationId } },
          body: { name: name.trim(), idp },
        }),
      );
      const change = {
        identityName: mapping.identityName,
        signInExternalId: signInExternalIdValue(mapping),
        authPolicyId: mapping.authPolicyId,
      };
      unwrap(
        await api.PATCH('/api/v1/organizations/{organizationId}/integrations/{integrationId}/settings', {
          params: { path: { organizationId, integrationId: created.id } },
          body: change,
        }),
      );
      return created;
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['integrations', organizationId] });
      setPart(2);
    },
  });
  const created = create.data;
  return (
    <>
      <PageTitle>New integration</PageTitle>
      <ol className="wizard-parts" aria-label="Parts">
        {parts.map((label, index) => (
          <li
            key={label}
            aria-current={index === part ? 'step' : undefined}
            className={index < part ? 'done' : ''}
          >
            <span className="part-number">Part {index + 1}</span> {label}
          </li>
        ))}
      </ol>
      {part === 3 && created ? (
        <WaitingPanel organizationId={organizationId} integrationId={created.id} />
      ) : null}
      <section className="card" aria-labelledby="part-title">
        <h2 id="part-title">
          Part {part + 1}: {parts[part]}
        </h2>
        {part === 0 ? (
          <NameAndIdpPart
            name={name}
            idp={idp}
            onChange={(n, i) => {
              setName(n);
              setIdp(i);
            }}
            onNext={() => setPart(1)}
          />
        ) : null}
        {part === 1 ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (!mappingProblem(mapping)) create.mutate();
            }}
          >
            <IdentityMappingFields value={mapping} onChange={setMapping} policies={policies.data ?? []} />
            <ErrorMessage error={create.error} title="Could not create the integration" />
            <div className="buttons">
              <button type="button" onClick={() => setPart(0)} disabled={create.isPending}>
                Back
              </button>
              <button
                type="submit"
                className="primary"
                disabled={create.isPending || mappingProblem(mapping) !== undefined}
              >
                {create.isPending ? 'Creating…' : 'Create and generate token'}
              </button>
            </div>
          </form>
        ) : null}
        {part === 2 && created ? (
          <TokenOnce url={created.integrationUrl} token={created.token} onDone={() => setPart(3)} />
        ) : null}
        {part === 3 && created ? (
          <>
            <IdpSetupSteps idp={idp} />
            <p>
              Integration URL: <code>{created.integrationUrl}</code>
            </p>
          </>
        ) : null}
      </section>
      {part === 3 && created ? (
        <p>
          <Link href={`/orgs/${organizationId}/integrations/${created.id}`}>Open the integration</Link>
        </p>
      ) : null}
    </>
  );
}
