import type { JwtSigner } from '../model/jwt-signer.js';

export interface JwtSignerRepository {
  insert(signer: JwtSigner, now: string): Promise<boolean>;
  update(signer: JwtSigner): Promise<boolean>;
  delete(organizationId: string, id: string): Promise<boolean>;
  list(organizationId: string): Promise<readonly JwtSigner[]>;
  findById(organizationId: string, id: string): Promise<JwtSigner | undefined>;
}
