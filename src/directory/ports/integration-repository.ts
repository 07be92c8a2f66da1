import type { IntegrationScope, OrganizationScope } from '../model/scope.js';
import type { IntegrationSettings } from '../model/integration-settings.js';
import type { Integration, IntegrationCredential, IntegrationOAuth } from '../model/integration.js';
import type { UserKey, UserWithGroups } from '../model/scim-resource.js';

export interface IntegrationRepository {
  settings(scope: IntegrationScope): Promise<IntegrationSettings | undefined>;
  saveSettings(scope: IntegrationScope, settings: IntegrationSettings): Promise<boolean>;
  /** undefined: no such integration; null: it accepts no OAuth access tokens. */
  oauth(scope: IntegrationScope): Promise<IntegrationOAuth | null | undefined>;
  saveOAuth(scope: IntegrationScope, oauth: IntegrationOAuth | null): Promise<boolean>;
  /** False when the organization already has an integration of that name, in any case. */
  insert(integration: Integration, tokenHash: string, settings: IntegrationSettings): Promise<boolean>;
  /** The organization's integration of exactly this name, else the one of this name in another case. */
  findByName(scope: OrganizationScope, name: string): Promise<Integration | undefined>;
  list(scope: OrganizationScope | undefined): Promise<readonly Integration[]>;
  findById(scope: OrganizationScope, integrationId: string): Promise<Integration | undefined>;
  /**
   * The credential of the integration a SCIM request names: the one read that takes a bare id, since the
   * organization is what authentication is about to find out.
   */
  findCredential(integrationId: string): Promise<IntegrationCredential | undefined>;
  /**
   * findCredential and, in the same statement, the integration's live user of that id (or userName,
   * compared as a `userName eq` filter compares it) with its groups, as findUserWithGroups gives them:
   * one round trip for a `GET /Users/{id}` or an IdP's lookup. The user is read before the credential is
   * checked, so it is the caller's to use only once the credential has been verified.
   */
  findCredentialWithUser(
    integrationId: string,
    user: UserKey,
  ): Promise<{ credential: IntegrationCredential; user: UserWithGroups | undefined } | undefined>;
  /** An integration of any organization: for callers with installation-wide authority (the CLI). */
  findInInstallation(integrationId: string): Promise<Integration | undefined>;
  /** Replaces the token hash in one statement: the old token stops working at once. */
  replaceToken(
    scope: IntegrationScope,
    tokenHash: string,
    createdAt: string,
    expiresAt: string,
  ): Promise<boolean>;
  /** Every integration of the organization sees its schema extensions anew (the cache key moves on). */
  bumpSchemaGeneration(scope: OrganizationScope): Promise<void>;
  /** Pauses (a time) or resumes (null) the integration; false when there is no such integration. */
  setPaused(scope: IntegrationScope, pausedAt: string | null): Promise<boolean>;
  delete(scope: IntegrationScope): Promise<boolean>;
  count(): Promise<number>;
}
