import { DirectoryConflict, DirectoryNotFound, InvalidDirectoryInput } from '../directory-error.js';
import type { AuthPolicy } from '../model/auth-policy.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { checkName } from '../names/check-name.js';
import { resolveManyByIdOrName } from '../names/resolve-by-id-or-name.js';
import { checkRequiredClaims, type RequiredClaimFields } from './check-required-claims.js';

export interface AuthPolicyChange {
  readonly name?: string | undefined;
  /** Replaces the accepted signers (ids or names); an empty list accepts none. */
  readonly signers?: readonly string[] | undefined;
  /** Replaces the required claims; an empty list requires none. */
  readonly requiredClaims?: readonly RequiredClaimFields[] | undefined;
}

/** Renames a policy and/or replaces its signers. The Default policy stays as it is. */
export async function updateAuthPolicy(
  deps: Pick<DirectoryDeps, 'store'>,
  organizationId: string,
  policyId: string,
  change: AuthPolicyChange,
): Promise<AuthPolicy> {
  if (change.name === undefined && change.signers === undefined && change.requiredClaims === undefined) {
    throw new InvalidDirectoryInput('invalid_auth_policy', [
      'Name at least one of the name, the signers and the required claims to change.',
    ]);
  }
  let requiredClaims: AuthPolicy['requiredClaims'] | undefined;
  if (change.requiredClaims !== undefined) {
    const checked = checkRequiredClaims(change.requiredClaims);
    if (!checked.ok) throw new InvalidDirectoryInput('invalid_auth_policy', checked.error);
    requiredClaims = checked.value;
  }
  return deps.store.transaction(async (store) => {
    const current = await store.authPolicies.findById({ organizationId }, policyId);
    if (!current)
      throw new DirectoryNotFound('auth_policy_not_found', `No auth policy with id "${policyId}".`);
    if (current.isDefault) {
      throw new DirectoryConflict(
        'default_policy_protected',
        'The Default auth policy accepts every enabled JWT signer; it cannot be renamed or given signers or required claims. Create a policy instead.',
      );
    }
    let name = current.name;
    if (change.name !== undefined) {
      const checked = checkName('An auth policy', change.name);
      if (!checked.ok)
        throw new InvalidDirectoryInput('invalid_name', [{ field: 'name', message: checked.error }]);
      name = checked.value;
    }
    const signerIds =
      change.signers === undefined
        ? current.signerIds
        : (await resolveManyByIdOrName(store, organizationId, 'JWT signer', change.signers)).map((s) => s.id);
    // The repository's update has no conflict clause: a taken name is looked for first.
    const holder = (await store.authPolicies.list({ organizationId })).find((p) => p.name === name);
    if (holder && holder.id !== policyId) {
      throw new DirectoryConflict('name_taken', `An auth policy named "${name}" already exists.`);
    }
    const next: AuthPolicy = {
      ...current,
      name,
      signerIds,
      requiredClaims: requiredClaims ?? current.requiredClaims,
    };
    if (!(await store.authPolicies.update(next))) {
      throw new DirectoryNotFound('auth_policy_not_found', `No auth policy with id "${policyId}".`);
    }
    return next;
  });
}
