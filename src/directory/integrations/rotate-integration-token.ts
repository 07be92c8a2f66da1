import type { IntegrationScope } from '../model/scope.js';
import type { Clock } from '../ports/clock.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { DirectoryNotFound } from '../directory-error.js';
import { generateBearerToken, hashBearerToken } from './bearer-token.js';
import { addDays } from './create-integration.js';

/** Issues a new token; the previous one stops working with the same statement that stores the new hash. */
export async function rotateIntegrationToken(
  deps: { store: DirectoryStore; clock: Clock },
  scope: IntegrationScope,
  tokenLifetimeDays: number,
): Promise<{ token: string; expiresAt: string }> {
  const now = deps.clock.now();
  const token = generateBearerToken();
  const expiresAt = addDays(now, tokenLifetimeDays).toISOString();
  const replaced = await deps.store.integrations.replaceToken(
    scope,
    hashBearerToken(token),
    now.toISOString(),
    expiresAt,
  );
  if (!replaced)
    throw new DirectoryNotFound('integration_not_found', `No integration with id "${scope.integrationId}".`);
  return { token, expiresAt };
}
