import type { OrganizationScope } from '../model/scope.js';
import type { JwtSigner } from '../model/jwt-signer.js';

export interface JwtSignerRepository {
  insert(signer: JwtSigner, now: string): Promise<boolean>;
  update(signer: JwtSigner): Promise<boolean>;
  delete(scope: OrganizationScope, id: string): Promise<boolean>;
  list(scope: OrganizationScope): Promise<readonly JwtSigner[]>;
  findById(scope: OrganizationScope, id: string): Promise<JwtSigner | undefined>;
}
