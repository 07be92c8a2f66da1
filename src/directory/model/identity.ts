import type { IdentityProfile } from './identity-profile.js';

export type IdentityStatus = 'active' | 'disabled' | 'deleted';

/** A person (or workload) the app knows, built from what its integrations provisioned or made by hand. */
export interface Identity {
  readonly id: string;
  readonly organizationId: string;
  /** Unique in the organization among identities that are not deleted (a deleted one releases it). */
  readonly name: string;
  readonly status: IdentityStatus;
  /** Matched against a JWT claim at sign-in; unrelated to the SCIM `externalId` attribute. */
  readonly signInExternalId: string | null;
  readonly authPolicyId: string | null;
  readonly attributes: readonly string[];
  readonly profile: IdentityProfile;
  /** The primary source (the one whose name and profile the identity carries); null when unmanaged. */
  readonly sourceIntegrationId: string | null;
  readonly scimResourceId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly lastSyncedAt: string | null;
}

/** What one integration's SCIM user makes of an identity, under that integration's settings. */
export interface IdentityContribution {
  readonly name: string;
  readonly signInExternalId: string | null;
  readonly authPolicyId: string | null;
  /** Sorted, without duplicates. */
  readonly attributes: readonly string[];
  readonly profile: IdentityProfile;
  /** Directory groups through the user's IdP groups, sorted. */
  readonly groupIds: readonly string[];
}

/**
 * The link between an identity and the SCIM user of one integration that feeds it. `deleted` once the
 * SCIM user is deleted (its contribution is kept as history, and a re-link may revive the link).
 */
export interface IdentitySource {
  readonly identityId: string;
  readonly organizationId: string;
  readonly integrationId: string;
  readonly scimResourceId: string;
  /** The SCIM user's externalId and folded userName at its last write: the keys a re-link matches. */
  readonly externalId: string | null;
  readonly userNameKey: string;
  readonly status: IdentityStatus;
  readonly contribution: IdentityContribution;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface IdentityQuery {
  readonly status?: IdentityStatus;
  readonly integrationId?: string;
  readonly groupId?: string;
  readonly attribute?: string;
  /** Case-insensitive substring of the name. */
  readonly text?: string;
  /** Identities after this id (keyset paging, id order). */
  readonly afterId?: string;
  readonly limit: number;
}

/** The key a re-link matches a new SCIM user on (IntegrationSettings.relink). */
export type RelinkKey = { readonly externalId: string } | { readonly userNameKey: string };
