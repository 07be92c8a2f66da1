import { DirectoryConflict, InvalidDirectoryInput } from '../directory-error.js';
import type { JwtSigner } from '../model/jwt-signer.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { checkJwtSigner, type JwtSignerFields } from './check-jwt-signer.js';

/** A new JWT signer; names are unique per organization. The Default auth policy accepts it while enabled. */
export async function createJwtSigner(
  deps: DirectoryDeps,
  organizationId: string,
  fields: JwtSignerFields,
): Promise<JwtSigner> {
  const checked = checkJwtSigner(fields);
  if (!checked.ok) throw new InvalidDirectoryInput('invalid_jwt_signer', checked.error);
  const signer: JwtSigner = { id: deps.ids.newId(), organizationId, ...checked.value };
  if (!(await deps.store.jwtSigners.insert(signer, deps.clock.now().toISOString()))) {
    throw new DirectoryConflict('name_taken', `A JWT signer named "${signer.name}" already exists.`);
  }
  return signer;
}
