import {
  deriveIdentity,
  type DerivedIdentity,
  type IdpGroupMembership,
} from '../identities/derive-identity.js';
import type { IntegrationSettings } from '../model/integration-settings.js';
import type { GroupMapping } from '../model/directory-group.js';
import type { Identity, IdentityContribution, IdentitySource } from '../model/identity.js';
import type { StoredResource } from '../model/scim-resource.js';
import type { IntegrationScope } from '../model/scope.js';
import { resolveDirectoryGroups } from './mapping-precedence.js';
import { mergeIdentity } from './merge-identity.js';

/** Everything known about one SCIM user before its identity is brought up to date. */
export interface UserSyncInput {
  /** The live SCIM user. */
  readonly user: StoredResource;
  /** Its IdP groups (the SCIM groups it is a direct member of). */
  readonly memberships: readonly IdpGroupMembership[];
  /**
   * The groups containing those through group members and not listing the user (read only under
   * `groupNesting: nested`; docs/groups.md).
   */
  readonly inheritedMemberships?: readonly IdpGroupMembership[];
  /** The group names its identity had when it first synced into each group (SCIM group id → name). */
  readonly firstSeenNames: ReadonlyMap<string, string>;
  /**
   * This integration's link to an identity: the user's own, or a deleted link being re-linked to a new
   * SCIM user. Undefined for a user that gets a new identity.
   */
  readonly source: IdentitySource | undefined;
  /** The identity `source` points to (undefined with it). */
  readonly identity: Identity | undefined;
  /** That identity's links to other integrations (linked identities), oldest first. */
  readonly otherSources: readonly IdentitySource[];
  /** The identity's directory groups now, when no source says (an unmanaged identity being linked). */
  readonly currentGroupIds?: readonly string[];
}

export interface SyncPlanContext {
  readonly scope: IntegrationScope;
  readonly settings: IntegrationSettings;
  /** Mapping candidates for every membership of the batch (unmapped groups already given mappings). */
  readonly mappings: readonly GroupMapping[];
  readonly now: string;
  /** The id a new identity gets. */
  readonly newIdentityId: () => string;
}

export type ChangedField =
  'name' | 'signInExternalId' | 'attributes' | 'authPolicy' | 'status' | 'profile' | 'groups';

export interface UserSyncPlan {
  readonly input: UserSyncInput;
  /** How the user's own contribution was derived (which field named it, for error messages). */
  readonly derived: DerivedIdentity;
  /** The link as it will be stored. */
  readonly source: IdentitySource;
  readonly sourceChanged: boolean;
  /** The identity as it will be stored, and its directory groups. */
  readonly identity: Identity;
  readonly groupIds: readonly string[];
  /** The identity's directory groups before the plan (empty for a new identity). */
  readonly previousGroupIds: readonly string[];
  readonly isNewIdentity: boolean;
  /** What changes for an existing identity (empty when nothing does); every field for a new one. */
  readonly changed: readonly ChangedField[];
  /** Group names to remember as first seen (memberships not recorded before). */
  readonly newFirstSeenNames: readonly { scimGroupId: string; name: string }[];
}

/**
 * Plans how one SCIM user's identity follows its user, groups and integration settings, together with
 * the identity's other sources. Pure: the live SCIM write, Bulk and the retroactive remap all plan with
 * it, and the remap's dry run is this plan not applied.
 */
export function planUserSync(input: UserSyncInput, context: SyncPlanContext): UserSyncPlan {
  const { user, source, identity } = input;
  const { settings, scope, now } = context;
  const memberships = effectiveMemberships(input, settings);
  const derived = deriveIdentity(settings, user.attributes, memberships, input.firstSeenNames);
  const contribution: IdentityContribution = {
    name: derived.name,
    signInExternalId: derived.signInExternalId,
    authPolicyId: settings.authPolicyId,
    attributes: derived.attributes,
    profile: derived.profile,
    groupIds: resolveDirectoryGroups(context.mappings, memberships, settings.unmappedGroups).groupIds,
  };
  const identityId = identity?.id ?? context.newIdentityId();
  const userName = typeof user.attributes.userName === 'string' ? user.attributes.userName : '';
  const externalId = typeof user.attributes.externalId === 'string' ? user.attributes.externalId : null;
  const linkFields = {
    scimResourceId: user.id,
    externalId,
    userNameKey: userName.toLowerCase(),
    status: derived.status,
    contribution,
  };
  const sourceChanged = source === undefined || !sameLink(source, linkFields);
  const nextSource: IdentitySource = {
    identityId,
    organizationId: scope.organizationId,
    integrationId: scope.integrationId,
    ...linkFields,
    createdAt: source?.createdAt ?? now,
    updatedAt: sourceChanged ? now : source.updatedAt,
  };
  const sources = [...input.otherSources, nextSource].sort(oldestFirst);
  const merged = mergeIdentity(
    { id: identityId, organizationId: scope.organizationId },
    sources,
    identity,
    now,
  );
  const previousSources = [...input.otherSources, ...(source ? [source] : [])].sort(oldestFirst);
  const previousGroups =
    identity && previousSources.length > 0
      ? mergeIdentity(identity, previousSources, identity, now).groupIds
      : (input.currentGroupIds ?? []);
  const recorded = input.firstSeenNames;
  return {
    input,
    derived,
    source: nextSource,
    sourceChanged,
    identity: merged.identity,
    groupIds: merged.groupIds,
    previousGroupIds: identity ? previousGroups : [],
    isNewIdentity: identity === undefined,
    changed: identity
      ? changedFields(identity, merged.identity, previousGroups, merged.groupIds)
      : ['name', 'signInExternalId', 'attributes', 'authPolicy', 'status', 'profile', 'groups'],
    newFirstSeenNames: memberships
      .filter((m) => !recorded.has(m.scimGroupId))
      .map((m) => ({ scimGroupId: m.scimGroupId, name: m.displayName })),
  };
}

/** The IdP groups that count for a user under the integration's `groupNesting`. */
export function effectiveMemberships(
  input: Pick<UserSyncInput, 'memberships' | 'inheritedMemberships'>,
  settings: IntegrationSettings,
): readonly IdpGroupMembership[] {
  if (settings.groupNesting !== 'nested' || !input.inheritedMemberships?.length) return input.memberships;
  return [...input.memberships, ...input.inheritedMemberships];
}

export function oldestFirst(a: IdentitySource, b: IdentitySource): number {
  return a.createdAt < b.createdAt
    ? -1
    : a.createdAt > b.createdAt
      ? 1
      : a.integrationId < b.integrationId
        ? -1
        : 1;
}

function sameLink(
  source: IdentitySource,
  next: Pick<IdentitySource, 'scimResourceId' | 'externalId' | 'userNameKey' | 'status' | 'contribution'>,
): boolean {
  return (
    source.scimResourceId === next.scimResourceId &&
    source.externalId === next.externalId &&
    source.userNameKey === next.userNameKey &&
    source.status === next.status &&
    JSON.stringify(source.contribution) === JSON.stringify(next.contribution)
  );
}

export function changedFields(
  current: Identity,
  next: Identity,
  currentGroups: readonly string[],
  nextGroups: readonly string[],
): ChangedField[] {
  const fields: ChangedField[] = [];
  if (current.name !== next.name) fields.push('name');
  if (current.signInExternalId !== next.signInExternalId) fields.push('signInExternalId');
  if (JSON.stringify(current.attributes) !== JSON.stringify(next.attributes)) fields.push('attributes');
  if (current.authPolicyId !== next.authPolicyId) fields.push('authPolicy');
  if (current.status !== next.status) fields.push('status');
  if (JSON.stringify(current.profile) !== JSON.stringify(next.profile)) fields.push('profile');
  if (JSON.stringify([...currentGroups].sort()) !== JSON.stringify(nextGroups)) fields.push('groups');
  return fields;
}
