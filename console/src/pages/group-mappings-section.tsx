import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client.js';
import { RemapJobProgress } from '../components/remap-job-progress.js';
import { DataTable } from '../components/data-table.js';
import { ErrorMessage } from '../components/status.js';
import { useList } from '../lib/use-list.js';

/** IdP groups → directory groups (whose roles the identities then carry). */
export function GroupMappingsSection({
  organizationId,
  integrationId,
}: {
  organizationId: string;
  integrationId: string;
}) {
  const client = useQueryClient();
  const key = ['group-mappings', integrationId];
  const [idpGroupName, setIdpGroupName] = useState('');
  const [group, setGroup] = useState('');
  const [jobId, setJobId] = useState<string | undefined>();
  const mappings = useList(
    key,
    async () =>
      unwrap(
        await api.GET('/api/v1/organizations/{organizationId}/integrations/{integrationId}/group-mappings', {
          params: { path: { organizationId, integrationId } },
        }),
      ).data,
  );
  const add = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/organizations/{organizationId}/integrations/{integrationId}/group-mappings', {
          params: { path: { organizationId, integrationId } },
          body: { idpGroupName: idpGroupName.trim(), group: group.trim() },
        }),
      ),
    onSuccess: (added) => {
      setIdpGroupName('');
      setGroup('');
      setJobId(added.remapJob.id);
      void client.invalidateQueries({ queryKey: key });
    },
  });
  const remove = useMutation({
    mutationFn: async (mappingId: string) =>
      unwrap(
        await api.DELETE(
          '/api/v1/organizations/{organizationId}/integrations/{integrationId}/group-mappings/{mappingId}',
          { params: { path: { organizationId, integrationId, mappingId } } },
        ),
      ),
    onSuccess: (removed) => {
      setJobId(removed.remapJob.id);
      void client.invalidateQueries({ queryKey: key });
    },
  });
  return (
    <section className="card" aria-labelledby="group-mappings-title">
      <h2 id="group-mappings-title">Group mappings</h2>
      <DataTable
        list={mappings}
        what="group mappings"
        caption="Group mappings"
        empty="No explicit mapping: IdP groups become directory groups of the same name."
        rowKey={(m) => m.id}
        columns={[
          {
            header: 'IdP group',
            cell: (m) => (
              <>
                {m.idpGroupName ?? m.idpGroup}
                {m.automatic ? <span className="hint"> (automatic)</span> : null}
              </>
            ),
          },
          { header: 'Directory group', cell: (m) => m.directoryGroupName },
          {
            header: 'Actions',
            hideHeader: true,
            cell: (m) => (
              <button type="button" onClick={() => remove.mutate(m.id)} disabled={remove.isPending}>
                Remove
                <span className="visually-hidden"> the mapping of {m.idpGroupName ?? m.idpGroup}</span>
              </button>
            ),
          },
        ]}
      />
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate();
        }}
      >
        <label htmlFor="map-idp-group">IdP group name</label>
        <input
          id="map-idp-group"
          required
          value={idpGroupName}
          onChange={(e) => setIdpGroupName(e.target.value)}
        />
        <label htmlFor="map-group">Directory group (name or id; created if new)</label>
        <input id="map-group" required value={group} onChange={(e) => setGroup(e.target.value)} />
        <button type="submit" disabled={add.isPending}>
          Add mapping
        </button>
      </form>
      <ErrorMessage error={add.error ?? remove.error} title="Could not change the mappings" />
      {jobId ? <RemapJobProgress organizationId={organizationId} jobId={jobId} /> : null}
    </section>
  );
}
