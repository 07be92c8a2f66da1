import type { DirectoryDeps } from '../directory-deps.js';
import { integrationScope } from '../model/scope.js';
import { DirectoryConflict, DirectoryNotFound } from '../directory-error.js';
import type { AuthPolicy } from '../model/auth-policy.js';

/**
 * Deletes an auth policy. The Default policy is refused (identities without a policy use it), and so is
 * a policy an integration's settings name: its next sync or remap would point at nothing. Identities
 * that carried the policy fall back to the Default one (the foreign key sets it to null).
 */
export async function deleteAuthPolicy(
  deps: DirectoryDeps,
  organizationId: string,
  policyId: string,
): Promise<AuthPolicy> {
  const { store } = deps;
  return store.transaction(async (tx) => {
    const policy = await tx.authPolicies.findById({ organizationId }, policyId);
    if (!policy)
      throw new DirectoryNotFound('auth_policy_not_found', `No auth policy with id "${policyId}".`);
    if (policy.isDefault) {
      throw new DirectoryConflict(
        'default_policy_protected',
        'The Default auth policy cannot be deleted: identities without a policy of their own sign in under it.',
      );
    }
    const users: string[] = [];
    for (const integration of await tx.integrations.list({ organizationId })) {
      const settings = await tx.integrations.settings(integrationScope(integration));
      if (settings?.authPolicyId === policyId) users.push(`"${integration.name}" (${integration.id})`);
    }
    if (users.length > 0) {
      throw new DirectoryConflict(
        'auth_policy_in_use',
        `Auth policy "${policy.name}" is the policy of integration ${users.join(', ')}; choose another there first (roster integration set <id> --auth-policy ...).`,
      );
    }
    if (!(await tx.authPolicies.delete({ organizationId }, policyId))) {
      throw new DirectoryNotFound('auth_policy_not_found', `No auth policy with id "${policyId}".`);
    }
    return policy;
  });
}
