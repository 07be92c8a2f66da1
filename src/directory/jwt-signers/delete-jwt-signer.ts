import type { DirectoryDeps } from '../directory-deps.js';
import { DirectoryNotFound } from '../directory-error.js';
import type { AuthPolicy } from '../model/auth-policy.js';
import type { JwtSigner } from '../model/jwt-signer.js';

/**
 * Deletes a JWT signer and takes it out of every auth policy that listed it (policies keep signer ids
 * in a list, which no foreign key cleans up), in one transaction.
 */
export async function deleteJwtSigner(
  deps: DirectoryDeps,
  organizationId: string,
  signerId: string,
): Promise<{ signer: JwtSigner; policies: readonly AuthPolicy[] }> {
  const { store } = deps;
  return store.transaction(async (tx) => {
    const signer = await tx.jwtSigners.findById({ organizationId }, signerId);
    if (!signer) throw new DirectoryNotFound('jwt_signer_not_found', `No JWT signer with id "${signerId}".`);
    const policies: AuthPolicy[] = [];
    for (const policy of await tx.authPolicies.list({ organizationId })) {
      if (!policy.signerIds.includes(signerId)) continue;
      const next = { ...policy, signerIds: policy.signerIds.filter((id) => id !== signerId) };
      await tx.authPolicies.update(next);
      policies.push(next);
    }
    if (!(await tx.jwtSigners.delete({ organizationId }, signerId))) {
      throw new DirectoryNotFound('jwt_signer_not_found', `No JWT signer with id "${signerId}".`);
    }
    return { signer, policies };
  });
}
