import type { IntegrationScope } from '../model/scope.js';
import type { DirectoryDeps } from '../directory-deps.js';
import { eventStampOf } from '../events/event-stamp.js';
import { integrationEvent } from '../events/integration-events.js';
import { DirectoryNotFound } from '../directory-error.js';
import { generateBearerToken, hashBearerToken } from './bearer-token.js';
import { addDays } from './create-integration.js';

/** Issues a new token; the previous one stops working with the same statement that stores the new hash. */
export async function rotateIntegrationToken(
  deps: DirectoryDeps,
  scope: IntegrationScope,
  tokenLifetimeDays: number,
): Promise<{ token: string; expiresAt: string }> {
  const now = deps.clock.now();
  const token = generateBearerToken();
  const expiresAt = addDays(now, tokenLifetimeDays).toISOString();
  const replaced = await deps.store.transaction(async (store) => {
    // The provisioning log can then tell "a token rotated away at …" from an unknown one.
    await store.provisioningLog.retireCurrentToken(scope, now.toISOString());
    if (!(await store.integrations.replaceToken(scope, hashBearerToken(token), now.toISOString(), expiresAt)))
      return false;
    const integration = await store.integrations.findById(scope, scope.integrationId);
    if (integration) {
      store.events.append(scope, [
        integrationEvent(
          'integration.token_rotated',
          integration,
          undefined,
          ['tokenCreatedAt', 'tokenExpiresAt'],
          eventStampOf(deps),
        ),
      ]);
    }
    return true;
  });
  if (!replaced)
    throw new DirectoryNotFound('integration_not_found', `No integration with id "${scope.integrationId}".`);
  return { token, expiresAt };
}
