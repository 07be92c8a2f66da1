import { DirectoryConflict, InvalidDirectoryInput } from '../directory-error.js';
import type { AuthPolicy } from '../model/auth-policy.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { checkName } from '../names/check-name.js';
import { resolveManyByIdOrName } from '../names/resolve-by-id-or-name.js';
import { checkRequiredClaims, type RequiredClaimFields } from './check-required-claims.js';

export interface AuthPolicyFields {
  readonly name: string;
  /** Ids or names of this organization's JWT signers the policy accepts. */
  readonly signers: readonly string[];
  /** Claims a token must carry, e.g. `{ claim: "amr", anyOf: ["mfa"] }`; none by default. */
  readonly requiredClaims?: readonly RequiredClaimFields[] | undefined;
}

/** A new auth policy accepting exactly the given signers; names are unique per organization. */
export async function createAuthPolicy(
  deps: DirectoryDeps,
  organizationId: string,
  fields: AuthPolicyFields,
): Promise<AuthPolicy> {
  const name = checkName('An auth policy', fields.name);
  if (!name.ok) throw new InvalidDirectoryInput('invalid_name', [{ field: 'name', message: name.error }]);
  const requiredClaims = checkRequiredClaims(fields.requiredClaims ?? []);
  if (!requiredClaims.ok) throw new InvalidDirectoryInput('invalid_auth_policy', requiredClaims.error);
  const signers = await resolveManyByIdOrName(deps.store, organizationId, 'JWT signer', fields.signers);
  const policy: AuthPolicy = {
    id: deps.ids.newId(),
    organizationId,
    name: name.value,
    isDefault: false,
    signerIds: signers.map((s) => s.id),
    requiredClaims: requiredClaims.value,
  };
  if (!(await deps.store.authPolicies.insert(policy, deps.clock.now().toISOString()))) {
    throw new DirectoryConflict('name_taken', `An auth policy named "${policy.name}" already exists.`);
  }
  return policy;
}
