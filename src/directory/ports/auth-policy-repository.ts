import type { OrganizationScope } from '../model/scope.js';
import type { AuthPolicy } from '../model/auth-policy.js';

export interface AuthPolicyRepository {
  ensureDefault(scope: OrganizationScope, newId: string, now: string): Promise<AuthPolicy>;
  insert(policy: AuthPolicy, now: string): Promise<boolean>;
  update(policy: AuthPolicy): Promise<boolean>;
  delete(scope: OrganizationScope, id: string): Promise<boolean>;
  list(scope: OrganizationScope): Promise<readonly AuthPolicy[]>;
  findById(scope: OrganizationScope, id: string): Promise<AuthPolicy | undefined>;
}
