import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client.js';
import { RemapJobProgress } from '../components/remap-job-progress.js';
import { Empty, ErrorMessage, Loading } from '../components/status.js';

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
  const mappings = useQuery({
    queryKey: key,
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/organizations/{organizationId}/integrations/{integrationId}/group-mappings', {
          params: { path: { organizationId, integrationId } },
        }),
      ).data,
  });
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
      {mappings.isPending ? <Loading what="group mappings" /> : null}
      <ErrorMessage error={mappings.error} title="Could not load the group mappings" />
      {mappings.data?.length === 0 ? (
        <Empty>No explicit mapping: IdP groups become directory groups of the same name.</Empty>
      ) : null}
      {mappings.data && mappings.data.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">IdP group</th>
              <th scope="col">Directory group</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {mappings.data.map((m) => (
              <tr key={m.id}>
                <td>
                  {m.idpGroupName ?? m.idpGroup}
                  {m.automatic ? <span className="hint"> (automatic)</span> : null}
                </td>
                <td>{m.directoryGroupName}</td>
                <td>
                  <button type="button" onClick={() => remove.mutate(m.id)} disabled={remove.isPending}>
                    Remove
                    <span className="visually-hidden"> the mapping of {m.idpGroupName ?? m.idpGroup}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
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
