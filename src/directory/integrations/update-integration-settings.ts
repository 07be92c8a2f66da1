import { DirectoryNotFound, InvalidDirectoryInput } from '../directory-error.js';
import type { RemapJob } from '../model/remap-job.js';
import type { IntegrationScope } from '../model/scope.js';
import { changeIntegrationSettings, type IntegrationSettings } from '../model/integration-settings.js';
import { startRemap } from '../remap/start-remap.js';
import type { DirectoryDeps } from '../directory-deps.js';

/**
 * Changes an integration's mapping settings. New SCIM writes use them at once; every identity the
 * integration already synced is re-derived by a queued remap job (retroactive, as admins expect).
 */
export async function updateIntegrationSettings(
  deps: DirectoryDeps,
  scope: IntegrationScope,
  change: unknown,
): Promise<{ settings: IntegrationSettings; job: RemapJob }> {
  const current = await deps.store.integrations.settings(scope);
  if (!current) {
    throw new DirectoryNotFound('integration_not_found', `No integration with id "${scope.integrationId}".`);
  }
  const result = changeIntegrationSettings(current, change);
  if (!result.ok) throw new InvalidDirectoryInput('invalid_settings', result.problems);
  const policyId = result.settings.authPolicyId;
  if (policyId !== null && !(await deps.store.authPolicies.findById(scope, policyId))) {
    throw new InvalidDirectoryInput('invalid_settings', [
      { field: 'authPolicyId', message: `no auth policy "${policyId}" in this organization` },
    ]);
  }
  // Settings and the job that applies them commit together: never new settings without their remap.
  return deps.store.transaction(async (store) => {
    await store.integrations.saveSettings(scope, result.settings);
    return { settings: result.settings, job: await startRemap({ ...deps, store }, scope) };
  });
}
