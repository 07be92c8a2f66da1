/** Every kind of event the directory writes to its outbox (docs/events.md lists what carries what). */
export const EVENT_TYPES = [
  'identity.created',
  'identity.updated',
  'identity.disabled',
  'identity.enabled',
  'identity.deleted',
  'group.created',
  'group.updated',
  'group.deleted',
  'group.member_added',
  'group.member_removed',
  'integration.created',
  'integration.token_rotated',
  'integration.settings_changed',
  'integration.deleted',
  'remap.completed',
  'integration.token_expiring',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

/**
 * Who made a change: an integration's SCIM client, an admin API key, a console account or a setup link's
 * console (through the admin API), the CLI, or Roster itself.
 */
export interface EventActor {
  readonly kind: 'integration' | 'admin_key' | 'console_account' | 'setup_link' | 'cli' | 'system';
  readonly id: string | null;
}

/** What caused the changes of one unit of work, stamped on each of its events. */
export interface EventCause {
  readonly actor: EventActor;
  /** The integration whose SCIM request (or remap) made the change, when one did. */
  readonly integrationId: string | null;
  /** The request id (`x-request-id`) of the SCIM or admin request, when there was one. */
  readonly requestId: string | null;
}

export const systemCause: EventCause = {
  actor: { kind: 'system', id: null },
  integrationId: null,
  requestId: null,
};

export type EventResourceType = 'identity' | 'group' | 'integration' | 'remap';

/** An event as a use case appends it; the store gives it its organization sequence number at commit. */
export interface NewDirectoryEvent {
  readonly id: string;
  readonly type: EventType;
  readonly occurredAt: string;
  readonly cause: EventCause;
  readonly resourceType: EventResourceType;
  readonly resourceId: string;
  /** The resource's full new state (for a member event: both ids). */
  readonly data: Readonly<Record<string, unknown>>;
  /** Names of the fields that changed (every field for a creation; empty for a deletion). */
  readonly changed: readonly string[];
}

/** A committed event: its position in the organization's feed is `sequence` (1, 2, 3, … without gaps). */
export interface DirectoryEvent extends NewDirectoryEvent {
  readonly organizationId: string;
  readonly sequence: number;
}
