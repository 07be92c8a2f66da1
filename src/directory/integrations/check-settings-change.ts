import { isPlainObject } from '../../core/resource/json.js';
import { userResourceType, withExtensions } from '../../core/schema/resource-types.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { InvalidDirectoryInput, type Problem } from '../directory-error.js';
import { changeIntegrationSettings, type IntegrationSettings } from '../model/integration-settings.js';
import type { IntegrationScope } from '../model/scope.js';

/**
 * A settings change checked against the organization as it is: every field's own rule, attribute paths
 * resolved against the User type with the extensions the changed settings accept (so a sign-in
 * external ID or attribute mapping may name a custom extension attribute), each accepted extension
 * defined in the organization, the auth policy existing. Used by both apply and preview, so a preview
 * never shows a change that would then be refused.
 */
export async function checkSettingsChange(
  deps: DirectoryDeps,
  scope: IntegrationScope,
  current: IntegrationSettings,
  change: unknown,
): Promise<IntegrationSettings> {
  const asked =
    isPlainObject(change) && Array.isArray(change.schemaExtensions)
      ? change.schemaExtensions.filter((u): u is string => typeof u === 'string')
      : current.schemaExtensions;
  const extensions = await deps.store.schemaExtensions.findByUrns(scope, asked);
  const problems: Problem[] = [];
  for (const urn of asked) {
    if (!extensions.some((e) => e.definition.schema.id.toLowerCase() === urn.toLowerCase())) {
      problems.push({
        field: 'schemaExtensions',
        message: `no schema extension "${urn}" in this organization`,
      });
    }
  }
  const userType = withExtensions(
    userResourceType,
    extensions.filter((e) => e.definition.resourceType === 'User').map((e) => e.definition.schema),
  );
  const result = changeIntegrationSettings(current, change, userType);
  if (!result.ok) problems.push(...result.problems);
  if (problems.length > 0 || !result.ok) throw new InvalidDirectoryInput('invalid_settings', problems);
  const policyId = result.settings.authPolicyId;
  if (policyId !== null && !(await deps.store.authPolicies.findById(scope, policyId))) {
    throw new InvalidDirectoryInput('invalid_settings', [
      { field: 'authPolicyId', message: `no auth policy "${policyId}" in this organization` },
    ]);
  }
  // Stored with the URNs as the organization spells them: the cache key and /Schemas use that spelling.
  const spelled = result.settings.schemaExtensions.map(
    (urn) =>
      extensions.find((e) => e.definition.schema.id.toLowerCase() === urn.toLowerCase())?.definition.schema
        .id ?? urn,
  );
  return { ...result.settings, schemaExtensions: spelled };
}
