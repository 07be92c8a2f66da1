import type { OrganizationScope } from '../model/scope.js';
import type { SecurityEventKey } from '../model/security-event-key.js';

export interface SecurityEventKeyRepository {
  insert(key: SecurityEventKey): Promise<void>;
  /** The key that signs now: the newest one not retiring. */
  current(scope: OrganizationScope): Promise<SecurityEventKey | undefined>;
  /** The keys the JWKS publishes at `now`: the current one and those whose overlap has not ended. */
  published(scope: OrganizationScope, now: string): Promise<readonly SecurityEventKey[]>;
  /** Marks every non-retiring key of the organization as retiring at `retiresAt`. */
  retireCurrent(scope: OrganizationScope, retiresAt: string): Promise<number>;
  /** Every key of the installation, for re-sealing after a secret-key rotation. */
  listInInstallation(): Promise<readonly SecurityEventKey[]>;
  /** Compare-and-set of one key's sealed private key. */
  replaceSealed(kid: string, was: string, now: string): Promise<boolean>;
}
