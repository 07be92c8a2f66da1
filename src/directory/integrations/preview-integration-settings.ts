import { InvalidDirectoryInput } from '../directory-error.js';
import {
  changeIntegrationSettings,
  defaultIntegrationSettings,
  type IntegrationSettings,
} from '../model/integration-settings.js';
import { previewRemap, type RemapPreview } from '../remap/preview-remap.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { integrationInOrganization } from './integration-in-organization.js';

/**
 * What a settings change would do to the identities already synced, without saving it: the same
 * checks as applying it (so a preview never shows a change that would then be refused), then a dry run.
 */
export async function previewIntegrationSettings(
  deps: DirectoryDeps,
  organizationId: string,
  integrationId: string,
  change: Readonly<Record<string, unknown>>,
): Promise<{ settings: IntegrationSettings; preview: RemapPreview }> {
  await integrationInOrganization(deps.store, organizationId, integrationId);
  const current =
    (await deps.store.integrations.settings({ organizationId, integrationId })) ?? defaultIntegrationSettings;
  const result = changeIntegrationSettings(current, change);
  if (!result.ok) throw new InvalidDirectoryInput('invalid_settings', result.problems);
  const policyId = result.settings.authPolicyId;
  if (policyId !== null && !(await deps.store.authPolicies.findById({ organizationId }, policyId))) {
    throw new InvalidDirectoryInput('invalid_settings', [
      { field: 'authPolicyId', message: `no auth policy "${policyId}" in this organization` },
    ]);
  }
  return {
    settings: result.settings,
    preview: await previewRemap(deps, { organizationId, integrationId }, result.settings),
  };
}
