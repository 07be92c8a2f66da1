import type { GroupMapping } from '../model/directory-group.js';
import type { IntegrationScope } from '../model/scope.js';
import { DirectoryNotFound } from '../directory-error.js';
import type { IntegrationSettings } from '../model/integration-settings.js';
import { changeOf, planRemapBatch, type ChangedField, type IdentityChange } from './remap-batch.js';

import type { DirectoryDeps } from '../directory-deps.js';

const PREVIEW_SAMPLE = 20;

export interface RemapPreview {
  readonly total: number;
  readonly changed: number;
  readonly byField: Readonly<Record<ChangedField, number>>;
  /** Identities whose new name another identity already holds (or would hold): left unchanged by a remap. */
  readonly collisions: readonly { identityId: string; name: string }[];
  readonly sample: readonly IdentityChange[];
}

/**
 * The dry run of a remap: how many identities would change, how, and which would collide, under
 * `settings` (the integration's current ones by default). Reads in batches; writes nothing.
 */
export async function previewRemap(
  deps: DirectoryDeps,
  scope: IntegrationScope,
  settings?: IntegrationSettings,
  batchSize = 1000,
  /** Group mappings as they would be after a change (the stored ones by default). */
  mappings?: readonly GroupMapping[],
): Promise<RemapPreview> {
  const chosen = settings ?? (await deps.store.integrations.settings(scope));
  if (!chosen)
    throw new DirectoryNotFound('integration_not_found', `No integration with id "${scope.integrationId}".`);
  const now = deps.clock.now().toISOString();
  const byField: Record<ChangedField, number> = {
    name: 0,
    signInExternalId: 0,
    attributes: 0,
    authPolicy: 0,
    status: 0,
    profile: 0,
    groups: 0,
  };
  let total = 0;
  let changed = 0;
  const sample: IdentityChange[] = [];
  // Names after the remap, for collisions between identities of this integration (id → new name key).
  const renamed = new Map<string, { id: string; name: string }[]>();
  let position: string | undefined;
  for (;;) {
    const sources = await deps.store.identities.listSources(scope, position, batchSize);
    if (sources.length === 0) break;
    position = sources.at(-1)?.scimResourceId;
    const planned = await planRemapBatch(deps.store, scope, chosen, sources, now, mappings);
    total += sources.length;
    for (const plan of planned) {
      const change = changeOf(plan);
      if (!change) continue;
      changed++;
      for (const field of change.fields) byField[field]++;
      if (sample.length < PREVIEW_SAMPLE) sample.push(change);
      if (change.fields.includes('name')) {
        const key = plan.identity.name.toLowerCase();
        renamed.set(key, [...(renamed.get(key) ?? []), { id: plan.identity.id, name: plan.identity.name }]);
      }
    }
  }
  const collisions: { identityId: string; name: string }[] = [];
  const holders = await deps.store.identities.nameHolders(scope, [...renamed.keys()]);
  const renamedIds = new Set([...renamed.values()].flat().map((r) => r.id));
  for (const [key, claimants] of renamed) {
    const holder = holders.get(key);
    // A current holder that is itself renamed away frees the name; otherwise the first claimant wins.
    const blocked = holder !== undefined && !renamedIds.has(holder);
    claimants.forEach((claimant, index) => {
      if (blocked || index > 0) collisions.push({ identityId: claimant.id, name: claimant.name });
    });
  }
  return { total, changed, byField, collisions, sample };
}
