import { parseAttributePath } from '../../core/path/parse-attribute-path.js';
import { resolvePath } from '../../core/path/resolve-path.js';
import type { ResolvedPath } from '../../core/path/attribute-path.js';
import { isPlainObject, type JsonObject } from '../../core/resource/json.js';
import { userResourceType } from '../../core/schema/resource-types.js';
import { ENTERPRISE_USER_SCHEMA } from '../../core/schema/schema-urns.js';
import type { IdentityProfile } from '../model/identity-profile.js';
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

/** One reason an identity has an attribute: an IdP group's name, or a SCIM role or entitlement value. */
export type AttributeOrigin =
  | {
      readonly attribute: string;
      readonly from: 'group';
      readonly scimGroupId: string;
      /** True when the user is in the group only through group members (nested groups). */
      readonly inherited: boolean;
    }
  | { readonly attribute: string; readonly from: 'role' | 'entitlement' };

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
    profile: profileOf(user),
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
    case 'attribute': {
      const parsed = parseAttributePath(source.path);
      if (!parsed.ok) return null;
      const resolved = resolvePath(userResourceType, parsed.value);
      return resolved.ok ? (readPath(user, resolved.value) ?? null) : null;
    }
  }
}

/** The `primary` email, else the `work` one, else the first. */
export function primaryEmail(user: JsonObject): string | undefined {
  const emails = elements(user.emails);
  const chosen =
    emails.find((e) => e.primary === true) ?? emails.find((e) => text(e.type) === 'work') ?? emails[0];
  return text(chosen?.value);
}

/** A singular value at a resolved path; a multi-valued attribute gives its primary (else first) element's. */
export function readPath(user: JsonObject, path: ResolvedPath): string | undefined {
  const container = path.isExtension ? user[path.schemaUrn] : user;
  if (!isPlainObject(container)) return undefined;
  const value = container[path.attribute.name];
  if (path.attribute.multiValued) {
    const items = elements(value);
    const chosen = items.find((e) => e.primary === true) ?? items[0];
    return scalar(chosen?.[path.subAttribute?.name ?? 'value']);
  }
  if (path.subAttribute) return isPlainObject(value) ? scalar(value[path.subAttribute.name]) : undefined;
  return scalar(value);
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

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
