import { isPlainObject, type JsonObject } from '../../core/resource/json.js';
import { ENTERPRISE_USER_SCHEMA } from '../../core/schema/schema-urns.js';
import type { IdentityProfile } from '../model/identity-profile.js';
import { mappedAttributes, mappedProfile, userPathValues } from './user-path-values.js';
import {
  identityNameChain,
  type IdentityNameSource,
  type IntegrationSettings,
} from '../model/integration-settings.js';

export interface DerivedIdentity {
  readonly name: string;
  /** The field the name came from (the first non-empty one of the settings' chain). */
  readonly nameSource: IdentityNameSource;
  /** Set when the configured name field was empty and a fallback was used instead. */
  readonly nameFallback: string | undefined;
  readonly signInExternalId: string | null;
  readonly status: 'active' | 'disabled';
  /** Sorted, without duplicates. */
  readonly attributes: readonly string[];
  readonly profile: IdentityProfile;
  /** Where each attribute came from (issue 18: the identity page explains them), in attribute order. */
  readonly attributeOrigins: readonly AttributeOrigin[];
}

/** One reason an identity has an attribute: an IdP group's name, a SCIM role or entitlement, or a mapping. */
export type AttributeOrigin =
  | {
      readonly attribute: string;
      readonly from: 'group';
      readonly scimGroupId: string;
      /** True when the user is in the group only through group members (nested groups). */
      readonly inherited: boolean;
    }
  | { readonly attribute: string; readonly from: 'role' | 'entitlement' }
  /** An attribute mapping of the integration (`attributeMappings`) turned the value at `path` into it. */
  | { readonly attribute: string; readonly from: 'mapping'; readonly path: string };

export interface IdpGroupMembership {
  readonly scimGroupId: string;
  readonly displayName: string;
  /** Set on a group the user is in only through other groups (docs/groups.md). */
  readonly inherited?: boolean;
}

/**
 * Turns a SCIM user (validated attributes) and the IdP groups it belongs to into the identity the app
 * uses, under one integration's settings. Pure: the same inputs always give the same identity, which is
 * what makes retroactive remapping and its dry run possible.
 */
export function deriveIdentity(
  settings: IntegrationSettings,
  user: JsonObject,
  groups: readonly IdpGroupMembership[],
  firstSeenGroupNames: ReadonlyMap<string, string>,
): DerivedIdentity {
  const userName = text(user.userName) ?? '';
  const chain = identityNameChain(settings);
  const nameSource = chain.find((source) => nameFrom(source, user) !== undefined) ?? 'userName';
  const chosen = nameFrom(nameSource, user);
  const attributes = new Set<string>();
  const origins: AttributeOrigin[] = [];
  if (settings.attributeSources.groups) {
    for (const group of groups) {
      const name =
        settings.groupNameAttributes === 'firstSeen'
          ? (firstSeenGroupNames.get(group.scimGroupId) ?? group.displayName)
          : group.displayName;
      if (name === '') continue;
      attributes.add(name);
      origins.push({
        attribute: name,
        from: 'group',
        scimGroupId: group.scimGroupId,
        inherited: group.inherited === true,
      });
    }
  }
  const fromValues = (from: 'role' | 'entitlement', values: readonly string[]) => {
    for (const value of values) {
      attributes.add(value);
      origins.push({ attribute: value, from });
    }
  };
  if (settings.attributeSources.roles) fromValues('role', multiValues(user.roles));
  if (settings.attributeSources.entitlements) fromValues('entitlement', multiValues(user.entitlements));
  for (const { attribute, path } of mappedAttributes(settings.attributeMappings, user)) {
    attributes.add(attribute);
    origins.push({ attribute, from: 'mapping', path });
  }
  return {
    name: chosen ?? userName,
    nameSource,
    nameFallback:
      nameSource !== settings.identityName
        ? `${settings.identityName} is empty; the identity is named after ${nameSource}`
        : undefined,
    signInExternalId: signInExternalId(settings, user),
    status: user.active === false ? 'disabled' : 'active',
    attributes: [...attributes].sort(),
    profile: mappedProfile(profileOf(user), settings.profileMappings, user),
    attributeOrigins: origins.sort((a, b) =>
      a.attribute < b.attribute ? -1 : a.attribute > b.attribute ? 1 : 0,
    ),
  };
}

function nameFrom(source: IdentityNameSource, user: JsonObject): string | undefined {
  const name = isPlainObject(user.name) ? user.name : {};
  const value =
    source === 'userName'
      ? user.userName
      : source === 'displayName'
        ? user.displayName
        : source === 'nickName'
          ? user.nickName
          : name.formatted;
  const chosen = text(value)?.trim();
  return chosen === undefined || chosen === '' ? undefined : chosen;
}

function signInExternalId(settings: IntegrationSettings, user: JsonObject): string | null {
  const source = settings.signInExternalId;
  switch (source.kind) {
    case 'none':
      return null;
    case 'userName':
      return text(user.userName) ?? null;
    case 'primaryEmail':
      return primaryEmail(user) ?? null;
    case 'attribute':
      return userPathValues(user, source.path)?.values[0] ?? null;
  }
}

/** The `primary` email, else the `work` one, else the first. */
export function primaryEmail(user: JsonObject): string | undefined {
  const emails = elements(user.emails);
  const chosen =
    emails.find((e) => e.primary === true) ?? emails.find((e) => text(e.type) === 'work') ?? emails[0];
  return text(chosen?.value);
}

function profileOf(user: JsonObject): IdentityProfile {
  const name = isPlainObject(user.name) ? user.name : {};
  const enterprise = isPlainObject(user[ENTERPRISE_USER_SCHEMA])
    ? (user[ENTERPRISE_USER_SCHEMA] as JsonObject)
    : {};
  const manager = isPlainObject(enterprise.manager) ? enterprise.manager : {};
  const phones = elements(user.phoneNumbers);
  const address = elements(user.addresses).find((a) => text(a.type) === 'work');
  const emails = elements(user.emails);
  const workEmail = text(emails.find((e) => text(e.type) === 'work')?.value) ?? primaryEmail(user);
  const profile: Record<string, unknown> = {
    username: text(user.userName),
    givenName: text(name.givenName),
    familyName: text(name.familyName),
    formattedName: text(name.formatted),
    displayName: text(user.displayName),
    email: workEmail,
    mobilePhone: text(phones.find((p) => text(p.type) === 'mobile')?.value),
    workPhone: text(phones.find((p) => text(p.type) === 'work')?.value),
    title: text(user.title),
    department: text(enterprise.department),
    employeeNumber: text(enterprise.employeeNumber),
    manager: text(manager.value),
  };
  if (address) {
    const workAddress = compact({
      street: text(address.streetAddress),
      locality: text(address.locality),
      region: text(address.region),
      postalCode: text(address.postalCode),
      country: text(address.country),
    });
    if (Object.keys(workAddress).length > 0) profile.workAddress = workAddress;
  }
  return compact(profile) as IdentityProfile;
}

function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

function elements(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isPlainObject) : [];
}

function multiValues(value: unknown): string[] {
  return elements(value)
    .map((e) => text(e.value))
    .filter((v): v is string => v !== undefined && v !== '');
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
