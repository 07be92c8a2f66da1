import type { NewDirectoryEvent } from '../model/directory-event.js';
import type { Integration } from '../model/integration.js';
import type { IntegrationSettings } from '../model/integration-settings.js';
import type { EventStamp } from './event-stamp.js';

/** An integration as an event carries it: never its token or the token's hash. */
export function integrationState(
  integration: Integration,
  settings: IntegrationSettings | undefined,
): Record<string, unknown> {
  return {
    id: integration.id,
    name: integration.name,
    idp: integration.idp,
    createdAt: integration.createdAt,
    tokenCreatedAt: integration.tokenCreatedAt,
    tokenExpiresAt: integration.tokenExpiresAt,
    ...(settings ? { settings } : {}),
  };
}

export function integrationEvent(
  type:
    | 'integration.created'
    | 'integration.token_rotated'
    | 'integration.settings_changed'
    | 'integration.deleted'
    | 'integration.token_expiring',
  integration: Integration,
  settings: IntegrationSettings | undefined,
  changed: readonly string[],
  stamp: EventStamp,
): NewDirectoryEvent {
  return {
    id: stamp.newId(),
    type,
    occurredAt: stamp.now,
    cause: { ...stamp.cause, integrationId: stamp.cause.integrationId ?? integration.id },
    resourceType: 'integration',
    resourceId: integration.id,
    data: integrationState(integration, settings),
    changed,
  };
}
