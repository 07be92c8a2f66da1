import type { DirectoryEvent } from '../model/directory-event.js';

/** An event as apps receive it: in the events API and as a webhook's body (one shape for both). */
export function eventJson(event: DirectoryEvent) {
  return {
    id: event.id,
    organizationId: event.organizationId,
    sequence: event.sequence,
    type: event.type,
    occurredAt: event.occurredAt,
    integrationId: event.cause.integrationId,
    requestId: event.cause.requestId,
    actor: { kind: event.cause.actor.kind, id: event.cause.actor.id },
    resource: { type: event.resourceType, id: event.resourceId },
    data: event.data,
    changed: [...event.changed],
  };
}
