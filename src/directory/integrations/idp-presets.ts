import {
  changeIntegrationSettings,
  defaultIntegrationSettings,
  type IntegrationSettings,
} from '../model/integration-settings.js';
import type { IdpPreset } from '../model/integration.js';

/**
 * What choosing an identity provider at creation means: the settings a new integration starts with
 * (every one can be changed afterwards) and the label the console and CLI show. docs/idp-compatibility.md
 * gives the reasons, IdP by IdP; the rule is here, once.
 *
 * Every preset is `lenient` (what these IdPs really send) and follows group renames: an attribute named
 * after a group the IdP no longer has is a grant nobody can see there. `relink` picks the key that stays
 * stable when the IdP deletes a user and creates it again: Okta, Entra ID and JumpCloud send the same
 * externalId (their own user id); Google Workspace and OneLogin templates often send none, and their
 * userName is the person's primary email.
 */
export const idpPresetDefinitions: Readonly<
  Record<IdpPreset, { readonly label: string; readonly settings: Partial<IntegrationSettings> }>
> = Object.freeze({
  okta: { label: 'Okta', settings: { relink: 'externalId' } },
  entra: { label: 'Microsoft Entra ID', settings: { relink: 'externalId' } },
  google: { label: 'Google Workspace', settings: { relink: 'userName' } },
  jumpcloud: { label: 'JumpCloud', settings: { relink: 'externalId' } },
  onelogin: { label: 'OneLogin', settings: { relink: 'userName' } },
  generic: { label: 'Generic SCIM 2.0', settings: {} },
});

/** The settings a new integration for this identity provider starts with. */
export function presetSettings(idp: IdpPreset): IntegrationSettings {
  const result = changeIntegrationSettings(defaultIntegrationSettings, idpPresetDefinitions[idp].settings);
  if (!result.ok)
    throw new Error(`preset ${idp} is invalid: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.settings;
}
