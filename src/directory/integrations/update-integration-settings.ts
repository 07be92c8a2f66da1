import { DirectoryNotFound } from '../directory-error.js';
import { checkSettingsChange } from './check-settings-change.js';
import type { RemapJob } from '../model/remap-job.js';
import type { IntegrationScope } from '../model/scope.js';
import type { IntegrationSettings } from '../model/integration-settings.js';
import { startRemap } from '../remap/start-remap.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { eventStampOf } from '../events/event-stamp.js';
import { integrationEvent } from '../events/integration-events.js';

/** The names of the settings that differ, for the event's `changed`. */
export function settingNames(before: IntegrationSettings, after: IntegrationSettings): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const value = (settings: IntegrationSettings, key: string) =>
    JSON.stringify((settings as unknown as Record<string, unknown>)[key]);
  return [...keys].filter((key) => value(before, key) !== value(after, key)).sort();
}

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
  const result = { settings: await checkSettingsChange(deps, scope, current, change) };
  // Settings and the job that applies them commit together: never new settings without their remap.
  const changed = settingNames(current, result.settings);
  return deps.store.transaction(async (store) => {
    await store.integrations.saveSettings(scope, result.settings);
    const integration = await store.integrations.findById(scope, scope.integrationId);
    if (integration && changed.length > 0) {
      store.events.append(scope, [
        integrationEvent(
          'integration.settings_changed',
          integration,
          result.settings,
          changed,
          eventStampOf(deps),
        ),
      ]);
    }
    return { settings: result.settings, job: await startRemap({ ...deps, store }, scope) };
  });
}
