import type { DirectoryDeps } from '../directory-deps.js';
import type { AuthPolicy } from '../model/auth-policy.js';
import type { OrganizationScope } from '../model/scope.js';

/** The organization's auth policies, the Default one first. */
export function listAuthPolicies(
  deps: DirectoryDeps,
  scope: OrganizationScope,
): Promise<readonly AuthPolicy[]> {
  return deps.store.authPolicies.list(scope);
}
