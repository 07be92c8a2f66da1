import { parseAttributePath } from '../../core/path/parse-attribute-path.js';
import { resolvePath } from '../../core/path/resolve-path.js';
import type { Problem } from '../directory-error.js';
import { isSchemaUrn } from '../../core/path/parse-attribute-path.js';
import { isPlainObject } from '../../core/resource/json.js';
import { isReservedUrn } from '../../core/schema/extension-schema.js';
import { userResourceType, type ResourceTypeDefinition } from '../../core/schema/resource-types.js';

export const identityNameSources = ['userName', 'displayName', 'name.formatted', 'nickName'] as const;
export type IdentityNameSource = (typeof identityNameSources)[number];

/** Where an identity's sign-in external ID (matched against a JWT claim) comes from. */
export type SignInExternalIdSource =
  | { readonly kind: 'none' }
  | { readonly kind: 'userName' }
  | { readonly kind: 'primaryEmail' }
  | { readonly kind: 'attribute'; readonly path: string };

/**
 * The fields tried, in order, after `identityName` when it is empty, unless the settings list their own;
 * `userName` (required on every SCIM user) is always the last resort.
 */
export const defaultIdentityNameFallback: Readonly<
  Record<IdentityNameSource, readonly IdentityNameSource[]>
> = Object.freeze({
  userName: [],
  displayName: ['userName'],
  'name.formatted': ['displayName', 'userName'],
  nickName: ['displayName', 'userName'],
});

/** Which deleted identity a new SCIM user of the same integration continues (see docs/idp-compatibility.md). */
export const relinkKeys = ['externalId', 'userName', 'never'] as const;
export type RelinkPolicy = (typeof relinkKeys)[number];

/**
 * `lenient` accepts what identity providers really send where RFC 7644 would refuse it; `strict` answers
 * as the RFC says. docs/idp-compatibility.md lists every difference.
 */
export const compatibilityModes = ['lenient', 'strict'] as const;
export type CompatibilityMode = (typeof compatibilityModes)[number];

/**
 * `nested`: an identity's IdP groups are the groups listing it and every group containing those through
 * group members (docs/groups.md); `direct`: only the groups listing it (before issue 19).
 */
export const groupNestingModes = ['nested', 'direct'] as const;
export type GroupNesting = (typeof groupNestingModes)[number];

/** How one integration turns SCIM users into identities. Every field has a default. */
export interface IntegrationSettings {
  readonly identityName: IdentityNameSource;
  /** Tried in order when `identityName` is empty; undefined: defaultIdentityNameFallback. */
  readonly identityNameFallback: readonly IdentityNameSource[] | undefined;
  readonly signInExternalId: SignInExternalIdSource;
  /** null: the organization's Default policy. */
  readonly authPolicyId: string | null;
  readonly attributeSources: {
    readonly groups: boolean;
    readonly roles: boolean;
    readonly entitlements: boolean;
  };
  /** Group-name attributes follow renames, or keep the name seen when the identity first synced. */
  readonly groupNameAttributes: 'follow' | 'firstSeen';
  /** IdP groups with no mapping become directory groups of the same name, or are ignored. */
  readonly unmappedGroups: 'create' | 'ignore';
  /** What a SCIM DELETE of a user does to its identity. */
  readonly onDelete: 'deactivate' | 'delete';
  /**
   * A new SCIM user whose externalId (or userName) matches a deleted identity of this integration
   * continues that identity (same id, history and references) instead of becoming a new person.
   */
  readonly relink: RelinkPolicy;
  readonly compatibility: CompatibilityMode;
  /** Whether groups inherited through group members count (migration 0022 kept `direct` for older ones). */
  readonly groupNesting: GroupNesting;
  /** URNs of the organization's custom schema extensions this integration accepts and advertises. */
  readonly schemaExtensions: readonly string[];
  /** Identity attributes from extension (or any user) attributes: `costCenter: 4711` → `costCenter:4711`. */
  readonly attributeMappings: readonly AttributeMapping[];
  /** Profile fields taken from a user attribute path instead of their usual source (e.g. a custom extension). */
  readonly profileMappings: Readonly<Partial<Record<MappableProfileField, string>>>;
}

/** The text fields of an identity profile a setting may take from another attribute. */
export const mappableProfileFields = [
  'givenName',
  'familyName',
  'formattedName',
  'displayName',
  'email',
  'mobilePhone',
  'workPhone',
  'title',
  'department',
  'employeeNumber',
  'manager',
] as const;
export type MappableProfileField = (typeof mappableProfileFields)[number];

/**
 * One attribute path whose value(s) become identity attributes through a template: `{name}` is the
 * attribute's name, `{value}` its value (one attribute per value of a multi-valued attribute).
 */
export interface AttributeMapping {
  readonly path: string;
  readonly template: string;
}

export const defaultAttributeTemplate = '{name}:{value}';
const MAX_ATTRIBUTE_MAPPINGS = 50;

/** The name fields tried for an identity, in order (userName last, always). */
export function identityNameChain(settings: IntegrationSettings): readonly IdentityNameSource[] {
  const chain = [
    settings.identityName,
    ...(settings.identityNameFallback ?? defaultIdentityNameFallback[settings.identityName]),
    'userName' as const,
  ];
  return [...new Set(chain)];
}

export const defaultIntegrationSettings: IntegrationSettings = Object.freeze<IntegrationSettings>({
  identityName: 'userName',
  identityNameFallback: undefined,
  signInExternalId: { kind: 'none' },
  authPolicyId: null,
  attributeSources: { groups: true, roles: true, entitlements: true },
  groupNameAttributes: 'follow',
  unmappedGroups: 'create',
  onDelete: 'deactivate',
  relink: 'externalId',
  compatibility: 'lenient',
  groupNesting: 'nested',
  schemaExtensions: [],
  attributeMappings: [],
  profileMappings: {},
});

export type SettingsResult = { ok: true; settings: IntegrationSettings } | { ok: false; problems: Problem[] };

/**
 * Applies a partial change to settings, checking every field; unknown fields are refused so a typo
 * never passes silently. Returns every problem at once.
 */
export function changeIntegrationSettings(
  current: IntegrationSettings,
  change: unknown,
  userType?: ResourceTypeDefinition,
): SettingsResult {
  if (!isPlainObject(change)) return { ok: false, problems: [{ message: 'settings must be an object' }] };
  const problems: Problem[] = [];
  const next: { -readonly [K in keyof IntegrationSettings]: IntegrationSettings[K] } = { ...current };
  for (const [key, value] of Object.entries(change)) {
    // Each problem names the setting it is about, so an API client can point at the field.
    const problem = (message: string) => problems.push({ field: key, message });
    switch (key) {
      case 'identityName':
        if (identityNameSources.includes(value as IdentityNameSource))
          next.identityName = value as IdentityNameSource;
        else problem(`identityName must be one of ${identityNameSources.join(', ')}`);
        break;
      case 'identityNameFallback':
        if (value === null) next.identityNameFallback = undefined;
        else if (
          Array.isArray(value) &&
          value.every((v) => identityNameSources.includes(v as IdentityNameSource))
        )
          next.identityNameFallback = [...new Set(value as IdentityNameSource[])];
        else
          problem(
            `identityNameFallback must be a list of ${identityNameSources.join(', ')} (or null for the default)`,
          );
        break;
      case 'relink':
        if (relinkKeys.includes(value as RelinkPolicy)) next.relink = value as RelinkPolicy;
        else problem(`relink must be one of ${relinkKeys.join(', ')}`);
        break;
      case 'compatibility':
        if (compatibilityModes.includes(value as CompatibilityMode))
          next.compatibility = value as CompatibilityMode;
        else problem(`compatibility must be one of ${compatibilityModes.join(', ')}`);
        break;
      case 'groupNesting':
        if (groupNestingModes.includes(value as GroupNesting)) next.groupNesting = value as GroupNesting;
        else problem(`groupNesting must be one of ${groupNestingModes.join(', ')}`);
        break;
      case 'signInExternalId': {
        const parsed = parseSignInExternalId(value, userType);
        if (typeof parsed === 'string') problem(parsed);
        else next.signInExternalId = parsed;
        break;
      }
      case 'authPolicyId':
        if (value === null || (typeof value === 'string' && value !== '')) next.authPolicyId = value;
        else problem('authPolicyId must be a policy id, or null for the Default policy');
        break;
      case 'attributeSources': {
        if (!isPlainObject(value)) {
          problem('attributeSources must be an object of booleans');
          break;
        }
        const sources = { ...next.attributeSources };
        for (const [source, on] of Object.entries(value)) {
          if (!['groups', 'roles', 'entitlements'].includes(source) || typeof on !== 'boolean') {
            problem(`attributeSources.${source} must be one of groups, roles, entitlements with a boolean`);
          } else {
            sources[source as keyof typeof sources] = on;
          }
        }
        next.attributeSources = sources;
        break;
      }
      case 'groupNameAttributes':
        if (value === 'follow' || value === 'firstSeen') next.groupNameAttributes = value;
        else problem('groupNameAttributes must be "follow" or "firstSeen"');
        break;
      case 'unmappedGroups':
        if (value === 'create' || value === 'ignore') next.unmappedGroups = value;
        else problem('unmappedGroups must be "create" or "ignore"');
        break;
      case 'onDelete':
        if (value === 'deactivate' || value === 'delete') next.onDelete = value;
        else problem('onDelete must be "deactivate" or "delete"');
        break;
      case 'schemaExtensions':
        if (
          Array.isArray(value) &&
          value.length <= 20 &&
          value.every((v) => typeof v === 'string' && isSchemaUrn(v) && !isReservedUrn(v))
        )
          next.schemaExtensions = dedupeFolded(value as string[]);
        else problem('schemaExtensions must be a list of the URNs of custom schema extensions');
        break;
      case 'profileMappings': {
        if (!isPlainObject(value)) {
          problem(
            `profileMappings must be an object of ${mappableProfileFields.join(', ')} to attribute paths`,
          );
          break;
        }
        const mapped: Partial<Record<MappableProfileField, string>> = {};
        for (const [field, path] of Object.entries(value)) {
          if (!mappableProfileFields.includes(field as MappableProfileField) || typeof path !== 'string') {
            problem(
              `profileMappings.${field}: a profile field (${mappableProfileFields.join(', ')}) maps to a path`,
            );
            continue;
          }
          const bad = checkUserPath(`profileMappings.${field}`, path.trim(), userType);
          if (bad) problem(bad);
          else mapped[field as MappableProfileField] = path.trim();
        }
        next.profileMappings = mapped;
        break;
      }
      case 'attributeMappings': {
        const parsed = parseAttributeMappings(value, userType);
        if (typeof parsed === 'string') problem(parsed);
        else next.attributeMappings = parsed;
        break;
      }
      default:
        problem(`unknown setting "${key}"`);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings: next };
}

/** Accepts `none`, `userName`, `primaryEmail`, or a SCIM attribute path (e.g. the enterprise employeeNumber). */
export function parseSignInExternalId(
  value: unknown,
  userType?: ResourceTypeDefinition,
): SignInExternalIdSource | string {
  if (isPlainObject(value)) {
    if (value.kind === 'attribute') return parseSignInExternalId(value.path, userType);
    return parseSignInExternalId(value.kind, userType);
  }
  if (value === 'none' || value === 'userName' || value === 'primaryEmail') return { kind: value };
  if (typeof value !== 'string' || value.trim() === '') {
    return 'signInExternalId must be none, userName, primaryEmail or a SCIM attribute path';
  }
  const problem = checkUserPath('signInExternalId', value.trim(), userType);
  return problem ?? { kind: 'attribute', path: value.trim() };
}

/**
 * Checks a user attribute path a setting names. With the integration's user type (its accepted
 * extensions composed in) the path must resolve to a simple value. Without it (settings read back from
 * storage, checked when saved) a path under a custom extension's URN is taken as written.
 */
function checkUserPath(
  setting: string,
  path: string,
  userType: ResourceTypeDefinition | undefined,
): string | undefined {
  const parsed = parseAttributePath(path);
  if (!parsed.ok) return `${setting}: "${path}" is not an attribute path (${parsed.error.reason})`;
  const urn = parsed.value.schemaUrn;
  if (userType === undefined && urn !== undefined && !isReservedUrn(urn)) return undefined;
  const resolved = resolvePath(userType ?? userResourceType, parsed.value);
  if (!resolved.ok) return `${setting}: ${resolved.error}`;
  const target = resolved.value.subAttribute ?? resolved.value.attribute;
  if (target.type === 'complex' && !resolved.value.attribute.multiValued) {
    return `${setting}: "${path}" is a complex attribute; name one of its sub-attributes`;
  }
  return undefined;
}

function parseAttributeMappings(
  value: unknown,
  userType: ResourceTypeDefinition | undefined,
): AttributeMapping[] | string {
  const shape =
    'attributeMappings must be a list of { path, template? } (template with {name} and/or {value})';
  if (!Array.isArray(value) || value.length > MAX_ATTRIBUTE_MAPPINGS) return shape;
  const out: AttributeMapping[] = [];
  for (const item of value) {
    const entry = typeof item === 'string' ? { path: item } : item;
    if (!isPlainObject(entry) || typeof entry.path !== 'string') return shape;
    const template = entry.template ?? defaultAttributeTemplate;
    if (typeof template !== 'string' || !template.includes('{value}') || template.length > 200) {
      return 'attributeMappings: a template must contain {value} (and may contain {name})';
    }
    const problem = checkUserPath('attributeMappings', entry.path.trim(), userType);
    if (problem) return problem;
    out.push({ path: entry.path.trim(), template });
  }
  return out;
}

function dedupeFolded(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const folded = v.toLowerCase();
    if (seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}

/** Settings as stored (JSON, possibly from an older release): missing fields take their defaults. */
export function storedIntegrationSettings(stored: unknown): IntegrationSettings {
  if (!isPlainObject(stored)) return defaultIntegrationSettings;
  const result = changeIntegrationSettings(defaultIntegrationSettings, stored);
  return result.ok ? result.settings : defaultIntegrationSettings;
}
