import type { SecurityEventsCapability } from '../../core/protocol/discovery-documents.js';
import type { DirectoryStore } from '../ports/directory-store.js';
import { supportedEventUris } from './set-event-map.js';

/**
 * What `/ServiceProviderConfig` says of Security Events (RFC 9967 §4): nothing while the organization
 * has no enabled SET receiver ("not currently configured"); else no asynchronous requests and the event
 * URIs Roster sends. The JWKS and receivers are stream configuration, which §4 leaves out of scope.
 */
export async function securityEventsAdvertisement(
  store: DirectoryStore,
  organizationId: string,
): Promise<SecurityEventsCapability | undefined> {
  const receivers = await store.webhooks.list({ organizationId }, 'security_events');
  if (!receivers.some((receiver) => receiver.enabled)) return undefined;
  return { asyncRequest: 'none', eventUris: supportedEventUris() };
}
