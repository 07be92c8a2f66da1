import type { DirectoryEvent, EventType } from '../model/directory-event.js';
import type { SetPayloadMode } from '../model/webhook-endpoint.js';

/** RFC 9967 §2 event URIs are `urn:ietf:params:scim:event:{class}:{name}:{other}`. */
const PROV = 'urn:ietf:params:scim:event:prov';

/** How a Roster event becomes an RFC 9967 provisioning event. */
type Counterpart =
  /** §2.4.1 create and §2.4.3 put: `:full` with `data` (the new state) or `:notice` with `attributes`. */
  | { readonly name: 'create' | 'put'; readonly form: 'state' }
  /** §2.4.2 patch of a group's members: `:full` with a PatchOp `data`, `:notice` with `["members"]`. */
  | { readonly name: 'patch'; readonly form: 'member'; readonly op: 'add' | 'remove' }
  /** §2.4.4 delete, §2.4.5 activate, §2.4.6 deactivate: no qualifier, no payload. */
  | { readonly name: 'delete' | 'activate' | 'deactivate'; readonly form: 'bare' };

/**
 * The one table from Roster's event types to RFC 9967's (docs/security-events.md shows it). Identities
 * are the subject `/Users/{id}`, directory groups `/Groups/{id}`. Types with no counterpart in RFC 9967
 * (integration.*, remap.completed, integration.token_expiring: they are not SCIM resource changes) are
 * absent: a SET receiver skips them.
 */
export const SET_COUNTERPARTS: Readonly<Partial<Record<EventType, Counterpart>>> = {
  'identity.created': { name: 'create', form: 'state' },
  'identity.updated': { name: 'put', form: 'state' },
  'identity.enabled': { name: 'activate', form: 'bare' },
  'identity.disabled': { name: 'deactivate', form: 'bare' },
  'identity.deleted': { name: 'delete', form: 'bare' },
  'group.created': { name: 'create', form: 'state' },
  'group.updated': { name: 'put', form: 'state' },
  'group.deleted': { name: 'delete', form: 'bare' },
  'group.member_added': { name: 'patch', form: 'member', op: 'add' },
  'group.member_removed': { name: 'patch', form: 'member', op: 'remove' },
};

/** The event URI for a counterpart in a payload mode. */
function eventUri(counterpart: Counterpart, mode: SetPayloadMode): string {
  return counterpart.form === 'bare' ? `${PROV}:${counterpart.name}` : `${PROV}:${counterpart.name}:${mode}`;
}

/** Every URI Roster can send, for `/ServiceProviderConfig` `securityEvents.eventUris` (RFC 9967 §4). */
export function supportedEventUris(): string[] {
  const uris = new Set<string>();
  for (const counterpart of Object.values(SET_COUNTERPARTS))
    for (const mode of ['full', 'notice'] as const) uris.add(eventUri(counterpart, mode));
  return [...uris].sort();
}

/** The `sub_id` (RFC 9493, format `scim`, RFC 9967 §2.1) and `events` claims of one event; undefined: skipped. */
export function setEventClaims(
  event: DirectoryEvent,
  mode: SetPayloadMode,
):
  | {
      readonly subId: { readonly format: 'scim'; readonly uri: string; readonly id: string };
      readonly events: Record<string, Record<string, unknown>>;
    }
  | undefined {
  const counterpart = SET_COUNTERPARTS[event.type];
  if (!counterpart) return undefined;
  const member =
    counterpart.form === 'member' ? (event.data as { groupId: string; identityId: string }) : null;
  const id = member ? member.groupId : event.resourceId;
  const collection = event.resourceType === 'identity' ? 'Users' : 'Groups';
  let payload: Record<string, unknown> = {};
  if (counterpart.form === 'state')
    payload = mode === 'full' ? { data: event.data } : { attributes: [...event.changed] };
  else if (member)
    payload =
      mode === 'full'
        ? {
            data: {
              schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
              Operations: [
                counterpart.form === 'member' && counterpart.op === 'add'
                  ? { op: 'add', path: 'members', value: [{ value: member.identityId }] }
                  : { op: 'remove', path: `members[value eq "${member.identityId}"]` },
              ],
            },
          }
        : { attributes: ['members'] };
  return {
    subId: { format: 'scim', uri: `/${collection}/${id}`, id },
    events: { [eventUri(counterpart, mode)]: payload },
  };
}
