import { DirectoryNotFound, InvalidDirectoryInput } from '../directory-error.js';
import type { RemapJob } from '../model/remap-job.js';
import { changeIntegrationSettings, type IntegrationSettings } from '../model/integration-settings.js';
import { startRemap, type RemapDeps } from './remap-integration.js';

/**
 * Changes an integration's mapping settings. New SCIM writes use them at once; every identity the
 * integration already synced is re-derived by a queued remap job (retroactive, as admins expect).
 */
export async function updateIntegrationSettings(
  deps: RemapDeps,
  integrationId: string,
  change: unknown,
): Promise<{ settings: IntegrationSettings; job: RemapJob }> {
  const integration = await deps.store.integrations.findById(integrationId);
  const current = await deps.store.integrations.settings(integrationId);
  if (!integration || !current) {
    throw new DirectoryNotFound('integration_not_found', `No integration with id "${integrationId}".`);
  }
  const result = changeIntegrationSettings(current, change);
  if (!result.ok) throw new InvalidDirectoryInput('invalid_settings', result.problems);
  const policyId = result.settings.authPolicyId;
  if (policyId !== null && !(await deps.store.authPolicies.findById(integration.organizationId, policyId))) {
    throw new InvalidDirectoryInput('invalid_settings', [
      { field: 'authPolicyId', message: `no auth policy "${policyId}" in this organization` },
    ]);
  }
  // Settings and the job that applies them commit together: never new settings without their remap.
  return deps.store.transaction(async (store) => {
    await store.integrations.saveSettings(integrationId, result.settings);
    return { settings: result.settings, job: await startRemap({ ...deps, store }, integrationId) };
  });
}
