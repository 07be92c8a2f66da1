import type { RemapPreview } from '../directory/remap/preview-remap.js';
import type { RemapJob } from '../directory/model/remap-job.js';

/** A dry run of a remap for humans: the counts, the collisions, and a sample of changes. */
export function formatRemapPreview(preview: RemapPreview): string {
  const lines = [`Dry run, nothing written: ${preview.changed} of ${preview.total} identities would change.`];
  const fields = Object.entries(preview.byField).filter(([, count]) => count > 0);
  if (fields.length > 0)
    lines.push(`By field: ${fields.map(([field, count]) => `${field} ${count}`).join(', ')}`);
  if (preview.collisions.length > 0) {
    lines.push(`Collisions (these keep their current name; another identity holds the new one):`);
    for (const c of preview.collisions) lines.push(`  ${c.identityId}  would be "${c.name}"`);
  }
  if (preview.sample.length > 0) {
    lines.push(preview.sample.length < preview.changed ? `First ${preview.sample.length}:` : 'Changes:');
    for (const change of preview.sample) {
      lines.push(`  ${change.identityId} (SCIM user ${change.scimResourceId})`);
      const { before, after } = change;
      if (before.name !== after.name) lines.push(`    name: "${before.name}" → "${after.name}"`);
      if (before.signInExternalId !== after.signInExternalId) {
        lines.push(
          `    sign-in external ID: ${quoted(before.signInExternalId)} → ${quoted(after.signInExternalId)}`,
        );
      }
      if (JSON.stringify(before.attributes) !== JSON.stringify(after.attributes)) {
        lines.push(`    attributes: [${before.attributes.join(', ')}] → [${after.attributes.join(', ')}]`);
      }
      const others = change.fields.filter((f) => !['name', 'signInExternalId', 'attributes'].includes(f));
      if (others.length > 0) lines.push(`    also: ${others.join(', ')}`);
    }
  }
  return lines.join('\n');
}

/** One line of a job's progress, as `remap watch` prints it. */
export function formatRemapProgress(job: RemapJob): string {
  return `${job.status}: ${job.processed}/${job.total} processed, ${job.changed} changed, ${job.collisions} collisions`;
}

/** A remap job for humans (`remap status`). */
export function formatRemapJob(job: RemapJob): string {
  const lines = [
    `Remap job ${job.id} (integration ${job.integrationId})`,
    `  ${formatRemapProgress(job)}`,
    `  queued ${job.createdAt}, last update ${job.updatedAt}`,
  ];
  if (job.error) lines.push(`  error: ${job.error}`);
  return lines.join('\n');
}

function quoted(value: string | null): string {
  return value === null ? 'none' : `"${value}"`;
}
