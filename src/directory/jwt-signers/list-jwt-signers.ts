import type { DirectoryDeps } from '../directory-deps.js';
import type { JwtSigner } from '../model/jwt-signer.js';
import type { OrganizationScope } from '../model/scope.js';

/** The organization's JWT signers, by name. */
export function listJwtSigners(deps: DirectoryDeps, scope: OrganizationScope): Promise<readonly JwtSigner[]> {
  return deps.store.jwtSigners.list(scope);
}
