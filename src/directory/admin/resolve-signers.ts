import { DirectoryError } from '../directory-error.js';
import type { DirectoryStore, JwtSigner } from '../ports.js';

/** This organization's JWT signers with these ids or names, without duplicates; any unknown one is an error. */
export async function resolveSigners(
  store: DirectoryStore,
  organizationId: string,
  wanted: readonly string[],
): Promise<JwtSigner[]> {
  if (wanted.length === 0) return [];
  const known = await store.jwtSigners.list(organizationId);
  const chosen: JwtSigner[] = [];
  const missing: string[] = [];
  for (const text of wanted) {
    const signer = known.find((s) => s.id === text) ?? known.find((s) => s.name === text);
    if (!signer) missing.push(text);
    else if (!chosen.includes(signer)) chosen.push(signer);
  }
  if (missing.length > 0) {
    throw new DirectoryError(
      'jwt_signer_not_found',
      `No JWT signer ${missing.map((m) => `"${m}"`).join(', ')} in this organization.`,
    );
  }
  return chosen;
}
