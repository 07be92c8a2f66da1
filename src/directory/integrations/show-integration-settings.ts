import type { DirectoryDeps } from '../directory-deps.js';
import { defaultIntegrationSettings, type IntegrationSettings } from '../model/integration-settings.js';
import type { AuthPolicy } from '../model/auth-policy.js';
import type { Integration } from '../model/integration.js';
import { integrationInOrganization } from './integration-in-organization.js';

export interface IntegrationSettingsView {
  readonly integration: Integration;
  readonly settings: IntegrationSettings;
  readonly defaults: IntegrationSettings;
  /** The chosen policy; undefined when the settings follow the organization's Default policy. */
  readonly authPolicy: AuthPolicy | undefined;
}

/** An integration's mapping settings, every field with its default beside it. */
export async function showIntegrationSettings(
  deps: DirectoryDeps,
  organizationId: string,
  integrationId: string,
): Promise<IntegrationSettingsView> {
  const { store } = deps;
  const integration = await integrationInOrganization(store, organizationId, integrationId);
  const settings =
    (await store.integrations.settings({ organizationId, integrationId })) ?? defaultIntegrationSettings;
  const authPolicy =
    settings.authPolicyId === null
      ? undefined
      : await store.authPolicies.findById({ organizationId }, settings.authPolicyId);
  return { integration, settings, defaults: defaultIntegrationSettings, authPolicy };
}
