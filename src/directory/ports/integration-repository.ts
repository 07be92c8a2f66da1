import type { IntegrationSettings } from '../model/integration-settings.js';
import type { Integration, IntegrationCredential, IntegrationOAuth } from '../model/integration.js';

export interface IntegrationRepository {
  settings(integrationId: string): Promise<IntegrationSettings | undefined>;
  saveSettings(integrationId: string, settings: IntegrationSettings): Promise<boolean>;
  /** undefined: no such integration; null: it accepts no OAuth access tokens. */
  oauth(integrationId: string): Promise<IntegrationOAuth | null | undefined>;
  saveOAuth(integrationId: string, oauth: IntegrationOAuth | null): Promise<boolean>;
  /** False when the organization already has an integration of that name, in any case. */
  insert(integration: Integration, tokenHash: string, settings: IntegrationSettings): Promise<boolean>;
  /** The organization's integration of exactly this name, else the one of this name in another case. */
  findByName(organizationId: string, name: string): Promise<Integration | undefined>;
  list(organizationId: string | undefined): Promise<readonly Integration[]>;
  findById(integrationId: string): Promise<Integration | undefined>;
  findCredential(integrationId: string): Promise<IntegrationCredential | undefined>;
  /** Replaces the token hash in one statement: the old token stops working at once. */
  replaceToken(
    integrationId: string,
    tokenHash: string,
    createdAt: string,
    expiresAt: string,
  ): Promise<boolean>;
  delete(integrationId: string): Promise<boolean>;
  count(): Promise<number>;
}
