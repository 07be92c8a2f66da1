import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, unwrap } from '../api/client.js';
import { ErrorMessage } from './status.js';

/** A retroactive remap's progress, polled until it is done or failed. */
export function RemapJobProgress({ organizationId, jobId }: { organizationId: string; jobId: string }) {
  const job = useQuery({
    queryKey: ['remap-job', jobId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/organizations/{organizationId}/remap-jobs/{jobId}', {
          params: { path: { organizationId, jobId } },
        }),
      ),
    refetchInterval: (query) =>
      query.state.data && ['done', 'failed'].includes(query.state.data.status) ? false : 1000,
  });
  // A finished remap changed identities: lists and pages fetched before it (fresh for staleTime) would
  // otherwise show the old names until they go stale and something refetches them.
  const client = useQueryClient();
  const finished = job.data?.status === 'done';
  useEffect(() => {
    if (!finished) return;
    void client.invalidateQueries({ queryKey: ['identities', organizationId] });
    void client.invalidateQueries({ queryKey: ['identity'] });
  }, [finished, client, organizationId]);
  if (job.error) return <ErrorMessage error={job.error} title="Could not follow the remap" />;
  if (!job.data) return <p role="status">Remap queued…</p>;
  const { status, processed, total, changed, collisions, error } = job.data;
  return (
    <div className="job" role="status" aria-live="polite">
      <label htmlFor={`job-${jobId}`}>
        Remap {status === 'done' ? 'finished' : status === 'failed' ? 'failed' : status}: {processed} of{' '}
        {total} identities, {changed} changed
        {collisions > 0 ? `, ${collisions} left unchanged (name taken)` : ''}.
      </label>
      <progress
        id={`job-${jobId}`}
        max={Math.max(total, 1)}
        value={status === 'done' ? Math.max(total, 1) : processed}
      />
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
