import type { AuthPolicy } from '../model/auth-policy.js';

export interface AuthPolicyRepository {
  ensureDefault(organizationId: string, newId: string, now: string): Promise<AuthPolicy>;
  insert(policy: AuthPolicy, now: string): Promise<boolean>;
  update(policy: AuthPolicy): Promise<boolean>;
  delete(organizationId: string, id: string): Promise<boolean>;
  list(organizationId: string): Promise<readonly AuthPolicy[]>;
  findById(organizationId: string, id: string): Promise<AuthPolicy | undefined>;
}
