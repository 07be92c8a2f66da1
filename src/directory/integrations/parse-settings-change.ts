import { err, ok, type Result } from '../../core/result.js';
import { identityNameChain, type IntegrationSettings } from '../model/integration-settings.js';

/**
 * Integration settings in the words an operator types (`--group-names first-seen`, `--auth-policy default`,
 * `--attributes-from groups,roles`). Every field is optional: only the given ones change.
 */
export interface SettingsOptions {
  readonly identityName?: string;
  readonly identityNameFallback?: string;
  readonly externalId?: string;
  readonly authPolicy?: string;
  readonly attributesFrom?: string;
  readonly groupNames?: string;
  readonly unmappedGroups?: string;
  readonly onDelete?: string;
  readonly relink?: string;
  readonly compatibility?: string;
  readonly groupNesting?: string;
  /** Comma-separated extension URNs, or `none`. */
  readonly schemaExtensions?: string;
  /** `path[=template]` items separated by `;`, or `none` (template default `{name}:{value}`). */
  readonly attributeMappings?: string;
  /** `field=path` items separated by `;`, or `none`: profile fields read from a user attribute path. */
  readonly profileMappings?: string;
}

const attributeSourceNames = ['groups', 'roles', 'entitlements'] as const;
const groupNameModes = new Map<string, IntegrationSettings['groupNameAttributes']>([
  ['follow', 'follow'],
  ['first-seen', 'firstSeen'],
]);

/**
 * Turns operator options into the partial change `changeIntegrationSettings` validates. Only the words
 * are translated here (every problem at once); whether a value is allowed stays the settings' own rule.
 */
export function parseSettingsChange(options: SettingsOptions): Result<Record<string, unknown>, string[]> {
  const change: Record<string, unknown> = {};
  const problems: string[] = [];
  if (options.identityName !== undefined) change.identityName = options.identityName;
  if (options.identityNameFallback !== undefined) {
    const names = options.identityNameFallback
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    change.identityNameFallback =
      names.length === 1 && names[0] === 'default'
        ? null
        : names.length === 1 && names[0] === 'none'
          ? []
          : names;
  }
  if (options.externalId !== undefined) change.signInExternalId = options.externalId;
  if (options.authPolicy !== undefined) {
    const policy = options.authPolicy.trim();
    if (policy === '') problems.push('auth-policy must be a policy id, or "default"');
    // The Default policy is stored as "no policy chosen", so it follows the organization's Default.
    else change.authPolicyId = policy.toLowerCase() === 'default' ? null : policy;
  }
  if (options.attributesFrom !== undefined) {
    const parsed = parseAttributeSources(options.attributesFrom);
    if (parsed.ok) change.attributeSources = parsed.value;
    else problems.push(parsed.error);
  }
  if (options.groupNames !== undefined) {
    const value = groupNameModes.get(options.groupNames);
    if (value) change.groupNameAttributes = value;
    else problems.push('group-names must be "follow" or "first-seen"');
  }
  if (options.unmappedGroups !== undefined) change.unmappedGroups = options.unmappedGroups;
  if (options.onDelete !== undefined) change.onDelete = options.onDelete;
  if (options.relink !== undefined) change.relink = options.relink;
  if (options.compatibility !== undefined) change.compatibility = options.compatibility;
  if (options.groupNesting !== undefined) change.groupNesting = options.groupNesting;
  if (options.schemaExtensions !== undefined) {
    const urns = options.schemaExtensions
      .split(',')
      .map((urn) => urn.trim())
      .filter((urn) => urn !== '');
    change.schemaExtensions = urns.length === 1 && urns[0] === 'none' ? [] : urns;
  }
  if (options.attributeMappings !== undefined) {
    const items = options.attributeMappings
      .split(';')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    change.attributeMappings =
      items.length === 1 && items[0] === 'none'
        ? []
        : items.map((item) => {
            const cut = item.indexOf('=');
            return cut < 0
              ? { path: item }
              : { path: item.slice(0, cut).trim(), template: item.slice(cut + 1) };
          });
  }
  if (options.profileMappings !== undefined) {
    const items = options.profileMappings
      .split(';')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    const mapped: Record<string, string> = {};
    if (!(items.length === 1 && items[0] === 'none')) {
      for (const item of items) {
        const cut = item.indexOf('=');
        if (cut <= 0)
          problems.push(`profile-mappings: "${item}" must be field=path (or the whole value "none")`);
        else mapped[item.slice(0, cut).trim()] = item.slice(cut + 1).trim();
      }
    }
    change.profileMappings = mapped;
  }
  if (problems.length === 0 && Object.keys(change).length === 0) {
    problems.push('nothing to change: give at least one setting');
  }
  return problems.length > 0 ? err(problems) : ok(change);
}

function parseAttributeSources(text: string): Result<IntegrationSettings['attributeSources'], string> {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const problem = 'attributes-from must be "none" or a comma-separated list of groups, roles, entitlements';
  if (names.length === 0) return err(problem);
  if (names.length === 1 && names[0] === 'none')
    return ok({ groups: false, roles: false, entitlements: false });
  if (names.some((name) => !(attributeSourceNames as readonly string[]).includes(name))) return err(problem);
  return ok({
    groups: names.includes('groups'),
    roles: names.includes('roles'),
    entitlements: names.includes('entitlements'),
  });
}

/** The inverse, for display: each setting as the option value that would set it. */
export function settingsAsOptions(settings: IntegrationSettings): Required<SettingsOptions> {
  const source = settings.signInExternalId;
  const sources = attributeSourceNames.filter((name) => settings.attributeSources[name]);
  return {
    identityName: settings.identityName,
    identityNameFallback: identityNameChain(settings).slice(1).join(',') || 'none',
    externalId: source.kind === 'attribute' ? source.path : source.kind,
    authPolicy: settings.authPolicyId ?? 'default',
    attributesFrom: sources.length === 0 ? 'none' : sources.join(','),
    groupNames: settings.groupNameAttributes === 'firstSeen' ? 'first-seen' : 'follow',
    unmappedGroups: settings.unmappedGroups,
    onDelete: settings.onDelete,
    relink: settings.relink,
    compatibility: settings.compatibility,
    groupNesting: settings.groupNesting,
    schemaExtensions: settings.schemaExtensions.length === 0 ? 'none' : settings.schemaExtensions.join(','),
    attributeMappings:
      settings.attributeMappings.length === 0
        ? 'none'
        : settings.attributeMappings.map((m) => `${m.path}=${m.template}`).join(';'),
    profileMappings:
      Object.keys(settings.profileMappings).length === 0
        ? 'none'
        : Object.entries(settings.profileMappings)
            .map(([field, path]) => `${field}=${path}`)
            .join(';'),
  };
}
