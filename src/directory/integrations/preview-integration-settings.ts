import { defaultIntegrationSettings, type IntegrationSettings } from '../model/integration-settings.js';
import { checkSettingsChange } from './check-settings-change.js';
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
  const result = {
    settings: await checkSettingsChange(deps, { organizationId, integrationId }, current, change),
  };
  return {
    settings: result.settings,
    preview: await previewRemap(deps, { organizationId, integrationId }, result.settings),
  };
}
