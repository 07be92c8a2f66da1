import type { Identity, IdentitySource, IdentityStatus } from '../model/identity.js';

export interface MergedIdentity {
  readonly identity: Identity;
  /** The identity's directory groups: the union of what its counted sources contribute, sorted. */
  readonly groupIds: readonly string[];
}

/**
 * An identity is what its sources contribute (one source unless the organization links identities
 * across integrations). The sources that count are the active ones; when none is active, those not
 * deleted; when all are deleted, all of them (their contributions are the identity's history).
 * - name, sign-in external ID, auth policy and profile come from the primary source: the oldest that counts;
 * - attributes and directory groups are the union over the sources that count;
 * - the identity is active while any source is, disabled while any source is only disabled, else deleted.
 * `sources` must be oldest first (the order the repository returns them in).
 */
export function mergeIdentity(
  base: { readonly id: string; readonly organizationId: string },
  sources: readonly IdentitySource[],
  previous: Identity | undefined,
  now: string,
): MergedIdentity {
  const active = sources.filter((s) => s.status === 'active');
  const present = sources.filter((s) => s.status !== 'deleted');
  const counted = active.length > 0 ? active : present.length > 0 ? present : sources;
  const primary = counted[0];
  if (!primary) throw new Error('mergeIdentity needs at least one source');
  const status: IdentityStatus = active.length > 0 ? 'active' : present.length > 0 ? 'disabled' : 'deleted';
  const union = (pick: (s: IdentitySource) => readonly string[]) =>
    [...new Set(counted.flatMap(pick))].sort();
  const fields = {
    name: primary.contribution.name,
    status,
    signInExternalId: primary.contribution.signInExternalId,
    authPolicyId: primary.contribution.authPolicyId,
    attributes: union((s) => s.contribution.attributes),
    profile: primary.contribution.profile,
    sourceIntegrationId: primary.integrationId,
    scimResourceId: primary.scimResourceId,
  };
  const unchanged = previous !== undefined && sameFields(previous, fields);
  return {
    identity: {
      id: base.id,
      organizationId: base.organizationId,
      ...fields,
      createdAt: previous?.createdAt ?? now,
      updatedAt: unchanged ? previous.updatedAt : now,
      lastSyncedAt: now,
    },
    groupIds: union((s) => s.contribution.groupIds),
  };
}

type MergedFields = Pick<
  Identity,
  | 'name'
  | 'status'
  | 'signInExternalId'
  | 'authPolicyId'
  | 'attributes'
  | 'profile'
  | 'sourceIntegrationId'
  | 'scimResourceId'
>;

function sameFields(previous: Identity, next: MergedFields): boolean {
  return (
    previous.name === next.name &&
    previous.status === next.status &&
    previous.signInExternalId === next.signInExternalId &&
    previous.authPolicyId === next.authPolicyId &&
    previous.sourceIntegrationId === next.sourceIntegrationId &&
    previous.scimResourceId === next.scimResourceId &&
    JSON.stringify(previous.attributes) === JSON.stringify(next.attributes) &&
    JSON.stringify(previous.profile) === JSON.stringify(next.profile)
  );
}
