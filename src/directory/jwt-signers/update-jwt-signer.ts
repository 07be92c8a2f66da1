import { DirectoryConflict, DirectoryNotFound, InvalidDirectoryInput } from '../directory-error.js';
import type { JwtSigner } from '../model/jwt-signer.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { checkJwtSigner } from './check-jwt-signer.js';

export interface JwtSignerChange {
  readonly name?: string | undefined;
  readonly issuer?: string | undefined;
  readonly audience?: string | undefined;
  /** Setting one key source replaces the other. */
  readonly jwksUrl?: string | undefined;
  readonly publicKeyPem?: string | undefined;
  readonly externalIdClaim?: string | undefined;
  readonly enabled?: boolean | undefined;
  /** null: back to the default (the key's asymmetric family). */
  readonly algorithms?: readonly string[] | null | undefined;
}

/** Changes some fields of a JWT signer; the result is checked as a whole, like a new signer. */
export async function updateJwtSigner(
  deps: Pick<DirectoryDeps, 'store'>,
  organizationId: string,
  signerId: string,
  change: JwtSignerChange,
): Promise<JwtSigner> {
  if (Object.values(change).every((value) => value === undefined)) {
    throw new InvalidDirectoryInput('invalid_jwt_signer', ['Name at least one field to change.']);
  }
  return deps.store.transaction(async (store) => {
    const current = await store.jwtSigners.findById({ organizationId }, signerId);
    if (!current) throw new DirectoryNotFound('jwt_signer_not_found', `No JWT signer with id "${signerId}".`);
    const newKey = change.jwksUrl !== undefined || change.publicKeyPem !== undefined;
    const checked = checkJwtSigner({
      name: change.name ?? current.name,
      issuer: change.issuer ?? current.issuer,
      audience: change.audience ?? current.audience,
      jwksUrl: newKey ? change.jwksUrl : current.jwksUrl,
      publicKeyPem: newKey ? change.publicKeyPem : current.publicKeyPem,
      externalIdClaim: change.externalIdClaim ?? current.externalIdClaim,
      enabled: change.enabled ?? current.enabled,
      algorithms: change.algorithms === undefined ? current.algorithms : change.algorithms,
    });
    if (!checked.ok) throw new InvalidDirectoryInput('invalid_jwt_signer', checked.error);
    const next: JwtSigner = { ...current, ...checked.value };
    // The repository's update has no conflict clause: a taken name is looked for first.
    const holder = (await store.jwtSigners.list({ organizationId })).find((s) => s.name === next.name);
    if (holder && holder.id !== signerId) {
      throw new DirectoryConflict('name_taken', `A JWT signer named "${next.name}" already exists.`);
    }
    if (!(await store.jwtSigners.update(next))) {
      throw new DirectoryNotFound('jwt_signer_not_found', `No JWT signer with id "${signerId}".`);
    }
    return next;
  });
}
