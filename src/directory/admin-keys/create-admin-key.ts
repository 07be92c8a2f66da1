import { DirectoryNotFound, InvalidDirectoryInput } from '../directory-error.js';
import { hashBearerToken } from '../integrations/bearer-token.js';
import type { AdminKey } from '../model/admin-key.js';
import type { Clock, IdSource } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { adminKeyHint, generateAdminKeySecret } from './admin-key-secret.js';

export interface AdminKeyInput {
  readonly name: string;
  /** null: the key manages the whole installation. */
  readonly organizationId: string | null;
}

export interface IssuedAdminKey {
  readonly key: AdminKey;
  /** Shown exactly once; only its SHA-256 hash is stored. */
  readonly secret: string;
}

const MAX_NAME_LENGTH = 200;

export async function createAdminKey(
  deps: { store: DirectoryStore; clock: Clock; ids: IdSource },
  input: AdminKeyInput,
): Promise<IssuedAdminKey> {
  const name = input.name.trim();
  if (name === '' || name.length > MAX_NAME_LENGTH) {
    throw new InvalidDirectoryInput('invalid_name', [
      `An admin key needs a name of 1 to ${MAX_NAME_LENGTH} characters.`,
    ]);
  }
  if (input.organizationId !== null && !(await deps.store.organizations.findById(input.organizationId))) {
    throw new DirectoryNotFound(
      'organization_not_found',
      `No organization with id "${input.organizationId}".`,
    );
  }
  const secret = generateAdminKeySecret();
  const key: AdminKey = {
    id: deps.ids.newId(),
    name,
    organizationId: input.organizationId,
    hint: adminKeyHint(secret),
    createdAt: deps.clock.now().toISOString(),
    lastUsedAt: null,
    revokedAt: null,
  };
  await deps.store.adminKeys.insert(key, hashBearerToken(secret));
  return { key, secret };
}
